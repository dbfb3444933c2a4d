package dev.goroscope.importers.live;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls a Go service's {@code /debug/pprof/goroutine?debug=2} (a {@link PollSource}, normally
 * {@link HttpPollSource}) at an interval and builds a series from the answers, on one daemon thread. Each good
 * answer is spooled to a file (written to a temporary name, then renamed) and parsed into a {@link Snapshot}; a
 * failed poll (the service is down, answers an error, garbage, a redirect, too much, or too slowly) is reported to
 * the listener and changes nothing that was collected. After {@link Options#maxConsecutiveFailures()} failures in a
 * row the poller stops by itself.
 */
public final class LivePoller implements AutoCloseable {
    /**
     * @param interval               time between the end of one poll and the start of the next
     * @param connectTimeout         to open the connection
     * @param answerTimeout          from the request to the last byte of the answer
     * @param maxBytes               largest answer accepted
     * @param maxConsecutiveFailures the poller stops after this many failed polls in a row
     */
    public record Options(Duration interval, Duration connectTimeout, Duration answerTimeout, long maxBytes,
            int maxConsecutiveFailures) {
        /** Every 10 s; 5 s to connect, 60 s to answer, 512 MiB at most, stop after 5 failures in a row. */
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 512L << 20, 5);

        public Options withInterval(Duration d) {
            return new Options(d, connectTimeout, answerTimeout, maxBytes, maxConsecutiveFailures);
        }

        public Options withTimeouts(Duration connect, Duration answer) {
            return new Options(interval, connect, answer, maxBytes, maxConsecutiveFailures);
        }

        public Options withMaxBytes(long n) {
            return new Options(interval, connectTimeout, answerTimeout, n, maxConsecutiveFailures);
        }

        public Options withMaxConsecutiveFailures(int n) {
            return new Options(interval, connectTimeout, answerTimeout, maxBytes, n);
        }
    }

    /** Told about each poll, on the poller's thread (a GUI hands it over to its own thread). */
    public interface Listener {
        /** A new snapshot; {@code count} snapshots are collected now. */
        void snapshot(Snapshot snapshot, int count);

        /** A poll failed; {@code inARow} failures in a row now. */
        void failed(String problem, int inARow);

        /** The poller stopped: by {@link #stop()} or after too many failures. */
        void stopped(String reason);
    }

    private record Captured(Snapshot snapshot, Path raw) {
    }

    private final PollSource source;
    private final Options options;
    private final Listener listener;
    private final Path spool;
    private final Importers importers;
    private final DiffKeys keys = new DiffKeys();
    private final List<Captured> captured = new ArrayList<>();
    private final ScheduledExecutorService thread;
    private volatile Thread pollThread;
    private volatile boolean paused;
    private volatile boolean stopped;
    private int failuresInARow;

    private LivePoller(PollSource source, Options options, Listener listener, Path spool, Importers importers) {
        this.source = source;
        this.options = options;
        this.listener = listener;
        this.spool = spool;
        this.importers = importers;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "goroscope-live-poll");
            t.setDaemon(true);
            pollThread = t;
            return t;
        });
    }

    /**
     * Starts polling {@code typedAddress} (see {@link PprofEndpoint}) at once and then every interval.
     *
     * @param spool where answers are kept until saved (created if missing)
     * @throws IllegalArgumentException when the address is not usable
     * @throws IOException when the spool folder cannot be created
     */
    public static LivePoller start(String typedAddress, Options options, Listener listener, Path spool,
            Importers importers) throws IOException {
        return start(HttpPollSource.of(typedAddress, options), options, listener, spool, importers);
    }

    /**
     * Starts polling {@code source} at once and then every interval.
     *
     * @param spool where answers are kept until saved (created if missing)
     * @throws IOException when the spool folder cannot be created
     */
    public static LivePoller start(PollSource source, Options options, Listener listener, Path spool,
            Importers importers) throws IOException {
        Files.createDirectories(spool);
        LivePoller p = new LivePoller(source, options, listener, spool, importers);
        p.thread.scheduleWithFixedDelay(p::pollOnce, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        return p;
    }

    /** The URL polled. */
    public URI url() {
        return source.url();
    }

    /** Skips polls until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * Stops polling; what was collected stays available. Waits for a poll under way to end (unless called from
     * the listener, on the poll thread itself).
     */
    public void stop() {
        if (!stopped) {
            stopped = true;
            thread.shutdown();
            if (Thread.currentThread() != pollThread) {
                try {
                    thread.awaitTermination(options.answerTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            listener.stopped("stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops and deletes the answers spooled so far, then the spool folder if that leaves it empty: for a series
     * the user closes without saving.
     */
    public void discard() throws IOException {
        stop();
        List<Captured> all;
        synchronized (this) {
            all = List.copyOf(captured);
        }
        for (Captured c : all) {
            Files.deleteIfExists(c.raw());
        }
        try (var left = Files.list(spool)) {
            if (left.findAny().isEmpty()) {
                Files.delete(spool);
            }
        }
    }

    /** The folder the answers are spooled in until saved. */
    public Path spool() {
        return spool;
    }

    /** The snapshots collected so far, oldest first. */
    public synchronized List<Snapshot> snapshots() {
        return captured.stream().map(Captured::snapshot).toList();
    }

    /** The key table every snapshot is counted over. */
    public DiffKeys keys() {
        return keys;
    }

    /** The series collected so far, analysed. */
    public SeriesAnalysis analyse(LeakRules rules) {
        return SeriesAnalysis.of(snapshots(), rules);
    }

    /**
     * Writes every collected answer into {@code folder} as {@code goroutines-<unix-millis>.txt}, each through a
     * temporary file renamed into place, so a reader never sees half a file; a folder the series loader reads back.
     *
     * @return the files written
     */
    public List<Path> save(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Captured> all;
        synchronized (this) {
            all = List.copyOf(captured);
        }
        List<Path> out = new ArrayList<>();
        for (Captured c : all) {
            Path target = folder.resolve(c.raw().getFileName());
            Path tmp = Files.createTempFile(folder, ".goroscope-", ".part");
            try {
                Files.copy(c.raw(), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.add(target);
        }
        return out;
    }

    private void pollOnce() {
        if (paused || stopped) {
            return;
        }
        try {
            byte[] body = source.fetch();
            long time = System.currentTimeMillis();
            String name = "goroutines-" + time + ".txt";
            Dataset d = importers.read(Importers.bytesSource(source.url() + " at " + time, body), Progress.NONE);
            if (d.dump() == null) {
                throw new IOException("the answer is no goroutine dump (" + d.format() + ")");
            }
            Path raw = spool.resolve(name);
            Path tmp = Files.createTempFile(spool, ".goroscope-", ".part");
            Files.write(tmp, body);
            Files.move(tmp, raw, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Snapshot s = Snapshot.ofDump(name, time, d.dump(), keys);
            int count;
            synchronized (this) {
                captured.add(new Captured(s, raw));
                count = captured.size();
            }
            failuresInARow = 0;
            listener.snapshot(s, count);
        } catch (IOException | ImportException e) {
            fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        } catch (RuntimeException e) {
            fail("unexpected answer: " + e);
        }
    }

    private void fail(String problem) {
        failuresInARow++;
        listener.failed(problem, failuresInARow);
        if (failuresInARow >= options.maxConsecutiveFailures() && !stopped) {
            stopped = true;
            thread.shutdown();
            listener.stopped(failuresInARow + " polls failed in a row; last: " + problem);
        }
    }
}
