package dev.goroscope.importers.live;

import java.io.IOException;
import java.net.URI;

/**
 * Where a {@link LivePoller} gets each goroutine dump from: a service's pprof endpoint over HTTP
 * ({@link HttpPollSource}), or anything else that answers with the bytes of a dump.
 */
public interface PollSource {
    /** What is polled, as the user sees it in titles and messages. */
    URI url();

    /** One answer: the bytes of a goroutine dump; throws when there is none this time. */
    byte[] fetch() throws IOException, InterruptedException;
}
