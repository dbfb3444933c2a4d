package dev.goroscope.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices when opened files change on disk by polling their modification time and size (one {@code stat} per file
 * per period, on a daemon thread; it works on every file system, network mounts included, unlike a WatchService).
 * Each change is reported once, on {@code notify} (the FX thread in the app); a file that disappears is not
 * reported until it comes back changed.
 */
final class FileChangeWatch {
    private final Map<Path, Stamp> watched = new ConcurrentHashMap<>();
    private final Consumer<Path> onChange;
    private final Executor notify;
    private ScheduledExecutorService poller;

    FileChangeWatch(Consumer<Path> onChange, Executor notify) {
        this.onChange = onChange;
        this.notify = notify;
    }

    /** Starts polling every {@code periodMillis}. */
    void start(long periodMillis) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-change-watch");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Watches exactly {@code paths}: new ones from their state now, the others as before. */
    void watchOnly(Set<Path> paths) {
        watched.keySet().retainAll(paths);
        for (Path p : paths) {
            watched.computeIfAbsent(p, FileChangeWatch::stamp);
        }
    }

    /** Takes {@code path}'s state now as its unchanged state (after a reload). */
    void rebase(Path path) {
        watched.computeIfPresent(path, (p, old) -> stamp(p));
    }

    /** Compares every watched file with its last state and reports the changed ones. */
    void check() {
        for (Map.Entry<Path, Stamp> e : watched.entrySet()) {
            Stamp now = stamp(e.getKey());
            if (!now.equals(e.getValue()) && watched.replace(e.getKey(), e.getValue(), now) && now.exists()) {
                Path changed = e.getKey();
                notify.execute(() -> onChange.accept(changed));
            }
        }
    }

    private static Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return Stamp.MISSING;
        }
    }

    /** What tells two versions of a file apart cheaply. */
    private record Stamp(long modified, long size) {
        static final Stamp MISSING = new Stamp(Long.MIN_VALUE, -1);

        boolean exists() {
            return !Objects.equals(this, MISSING);
        }
    }
}
