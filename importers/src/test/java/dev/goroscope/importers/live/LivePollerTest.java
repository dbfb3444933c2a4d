package dev.goroscope.importers.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.series.SeriesLoader;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.SeriesRow;
import dev.goroscope.model.analysis.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The live poller against the JDK's HTTP server on 127.0.0.1 answering with real dumps (the growing/ series
 * captured from a Go 1.26 program), then with garbage, errors, redirects, or not at all.
 */
class LivePollerTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private LivePoller poller;

    @AfterEach
    void tearDown() {
        if (poller != null) {
            poller.stop();
        }
        servers.forEach(s -> s.stop(0));
    }

    private static List<byte[]> growingDumps() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/series/growing"))) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith("goroutines-")).sorted().toList();
            List<byte[]> out = new ArrayList<>();
            for (Path p : files) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    /** A server on 127.0.0.1 whose /debug/pprof/goroutine answers with {@code handler}; returns its base URL. */
    private String serve(Consumer<HttpExchange> handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/debug/pprof/goroutine", ex -> {
            try {
                handler.accept(ex);
            } finally {
                ex.close();
            }
        });
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/debug/pprof/";
    }

    private static void answer(HttpExchange ex, int status, byte[] body) {
        try {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records what the poller reports and lets a test wait for it. */
    private static final class Recorder implements LivePoller.Listener {
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile String stopReason;
        volatile CountDownLatch snapshots;

        Recorder(int expectedSnapshots) {
            snapshots = new CountDownLatch(expectedSnapshots);
        }

        @Override
        public void snapshot(Snapshot snapshot, int count) {
            snapshots.countDown();
        }

        @Override
        public void failed(String problem, int inARow) {
            failures.add(problem);
        }

        @Override
        public void stopped(String reason) {
            stopReason = reason;
            stopped.countDown();
        }
    }

    @Test
    void pollsARealSeriesAndSavesItAtomicallyForTheSeriesLoader(@TempDir Path tmp) throws Exception {
        List<byte[]> dumps = growingDumps();
        AtomicInteger next = new AtomicInteger();
        String base = serve(ex -> answer(ex, 200, dumps.get(Math.min(next.getAndIncrement(), dumps.size() - 1))));
        Recorder r = new Recorder(dumps.size());
        poller = LivePoller.start(base, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(20)), r,
                tmp.resolve("spool"), Importers.all());
        assertThat(poller.url()).hasToString(base + "goroutine?debug=2");
        assertThat(r.snapshots.await(20, TimeUnit.SECONDS)).isTrue();
        poller.stop();
        assertThat(r.stopReason).isEqualTo("stopped");
        SeriesAnalysis live = poller.analyse(LeakRules.DEFAULTS);
        SeriesRow send = live.rows().get(0);
        assertThat(send.entryFunction()).isEqualTo("main.leakySend");
        assertThat(send.growing()).isTrue();
        assertThat(Arrays.copyOf(send.counts(), 5)).containsExactly(3, 6, 9, 12, 15);
        List<Path> saved = poller.save(tmp.resolve("saved"));
        assertThat(saved).hasSize(poller.snapshots().size());
        try (Stream<Path> s = Files.list(tmp.resolve("saved"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("goroutines-\\d{13}\\.txt"));
        }
        SeriesAnalysis reloaded = new SeriesLoader().load(List.of(tmp.resolve("saved")), Progress.NONE)
                .analyse(LeakRules.DEFAULTS);
        assertThat(reloaded.rows().get(0).counts()).containsExactly(send.counts());
        assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(dumps.get(0));
    }

    @Test
    void garbageThenDeathMidPollLeaveWhatWasCollectedIntact(@TempDir Path tmp) throws Exception {
        List<byte[]> dumps = growingDumps();
        AtomicInteger next = new AtomicInteger();
        byte[] garbage = "<html><body>404 page not found</body></html>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CountDownLatch garbageServed = new CountDownLatch(1);
        String base = serve(ex -> {
            int n = next.getAndIncrement();
            if (n < 2) {
                answer(ex, 200, dumps.get(n));
            } else if (n == 2) {
                answer(ex, 200, garbage);
                garbageServed.countDown();
            } else {
                answer(ex, 500, new byte[0]);
            }
        });
        Recorder r = new Recorder(2);
        poller = LivePoller.start(base, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(50))
                .withMaxConsecutiveFailures(4), r, tmp.resolve("spool"), Importers.all());
        assertThat(garbageServed.await(20, TimeUnit.SECONDS)).isTrue();
        servers.get(0).stop(0);
        assertThat(r.stopped.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(r.stopReason).startsWith("4 polls failed in a row; last: ");
        assertThat(r.failures.get(0)).contains("not a format Goroscope reads");
        assertThat(poller.isStopped()).isTrue();
        assertThat(poller.snapshots()).hasSize(2);
        assertThat(poller.snapshots().get(1).total()).isEqualTo(13);
        assertThat(poller.save(tmp.resolve("saved"))).hasSize(2);
        try (Stream<Path> s = Files.list(tmp.resolve("spool"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part")).hasSize(2);
        }
        poller.discard();
        assertThat(tmp.resolve("spool")).doesNotExist();
        assertThat(tmp.resolve("saved")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("goroutines-"));
    }

    @Test
    void redirectsAreNotFollowed(@TempDir Path tmp) throws Exception {
        AtomicInteger otherHits = new AtomicInteger();
        String other = serve(ex -> {
            otherHits.incrementAndGet();
            answer(ex, 200, new byte[0]);
        });
        String base = serve(ex -> {
            ex.getResponseHeaders().add("Location", other + "goroutine?debug=2");
            answer(ex, 302, new byte[0]);
        });
        Recorder r = new Recorder(1);
        poller = LivePoller.start(base, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(20))
                .withMaxConsecutiveFailures(2), r, tmp, Importers.all());
        assertThat(r.stopped.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(r.failures.get(0)).contains("HTTP 302 redirect to " + other + "goroutine?debug=2 not followed");
        assertThat(otherHits).hasValue(0);
        assertThat(poller.snapshots()).isEmpty();
    }

    @Test
    void answersAreCappedInSizeAndTime(@TempDir Path tmp) throws Exception {
        byte[] dump = growingDumps().get(0);
        String big = serve(ex -> answer(ex, 200, dump));
        Recorder r = new Recorder(1);
        poller = LivePoller.start(big, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(20))
                .withMaxBytes(1000).withMaxConsecutiveFailures(1), r, tmp, Importers.all());
        assertThat(r.stopped.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(r.failures.get(0)).endsWith("the answer is larger than 1000 bytes");

        CountDownLatch release = new CountDownLatch(1);
        String slow = serve(ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, dump);
        });
        Recorder r2 = new Recorder(1);
        LivePoller p2 = LivePoller.start(slow, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withMaxConsecutiveFailures(1), r2, tmp,
                Importers.all());
        try {
            assertThat(r2.stopped.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(r2.failures.get(0)).endsWith("no complete answer within 300 ms");
        } finally {
            release.countDown();
            p2.stop();
        }
    }

    @Test
    void pauseSkipsPollsAndResumeContinues(@TempDir Path tmp) throws Exception {
        byte[] dump = growingDumps().get(0);
        AtomicInteger hits = new AtomicInteger();
        String base = serve(ex -> {
            hits.incrementAndGet();
            answer(ex, 200, dump);
        });
        Recorder r = new Recorder(1);
        poller = LivePoller.start(base, LivePoller.Options.DEFAULTS.withInterval(Duration.ofMillis(20)), r, tmp,
                Importers.all());
        assertThat(r.snapshots.await(20, TimeUnit.SECONDS)).isTrue();
        poller.pause();
        assertThat(poller.isPaused()).isTrue();
        Thread.sleep(100);
        int atPause = hits.get();
        Thread.sleep(200);
        assertThat(hits.get()).isEqualTo(atPause);
        r.snapshots = new CountDownLatch(1);
        poller.resume();
        assertThat(r.snapshots.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(hits.get()).isGreaterThan(atPause);
    }

    @Test
    void theOnlyUrlPolledIsDerivedFromWhatTheUserTyped() {
        assertThat(PprofEndpoint.goroutineDump("http://127.0.0.1:6060/debug/pprof/"))
                .hasToString("http://127.0.0.1:6060/debug/pprof/goroutine?debug=2");
        assertThat(PprofEndpoint.goroutineDump("localhost:6060")).hasToString("http://localhost:6060/debug/pprof/goroutine?debug=2");
        assertThat(PprofEndpoint.goroutineDump("https://svc:8443/admin/pprof"))
                .hasToString("https://svc:8443/admin/pprof/goroutine?debug=2");
        assertThat(PprofEndpoint.goroutineDump("http://h:1/debug/pprof/goroutine")).hasToString("http://h:1/debug/pprof/goroutine?debug=2");
        assertThatThrownBy(() -> PprofEndpoint.goroutineDump("file:///etc/passwd")).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> PprofEndpoint.goroutineDump("http://u:p@h:1/")).hasMessageContaining("without user");
        assertThatThrownBy(() -> PprofEndpoint.goroutineDump("http://h:1/?debug=1")).hasMessageContaining("without user, query");
        assertThatThrownBy(() -> PprofEndpoint.goroutineDump(" ")).hasMessageContaining("no address");
    }
}
