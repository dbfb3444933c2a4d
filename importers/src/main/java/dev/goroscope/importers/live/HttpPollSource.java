package dev.goroscope.importers.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service's {@code /debug/pprof/goroutine?debug=2} over HTTP. It only ever requests the one URL derived from what
 * the user typed ({@link PprofEndpoint}), follows no redirect, and bounds the connect time, the time to a complete
 * answer and the answer's size ({@link LivePoller.Options}).
 */
public final class HttpPollSource implements PollSource {
    private final URI url;
    private final LivePoller.Options options;
    private final HttpClient client;

    private HttpPollSource(URI url, LivePoller.Options options) {
        this.url = url;
        this.options = options;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout()).build();
    }

    /** The source for {@code typedAddress}; throws {@link IllegalArgumentException} when it is not usable. */
    public static HttpPollSource of(String typedAddress, LivePoller.Options options) {
        return new HttpPollSource(PprofEndpoint.goroutineDump(typedAddress), options);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public byte[] fetch() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(url).GET().build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, CappedBody.handler(options.maxBytes()));
        HttpResponse<byte[]> r;
        try {
            r = f.get(options.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException(url + ": no complete answer within " + options.answerTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IOException(url + ": " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()));
        }
        int status = r.statusCode();
        if (status >= 300 && status < 400) {
            throw new IOException(url + ": HTTP " + status + " redirect to "
                    + r.headers().firstValue("Location").orElse("?") + " not followed (only the address given is polled)");
        }
        if (status != 200) {
            throw new IOException(url + ": HTTP " + status);
        }
        return r.body();
    }
}
