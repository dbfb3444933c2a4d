package dev.goroscope.importers.support;

import dev.goroscope.importers.Progress;
import java.time.Duration;

/**
 * The progress of one import with a time limit: it reads as cancelled once the user cancelled or the time is up,
 * so every place an importer polls for cancellation also ends an import that runs too long.
 */
public final class Deadline implements Progress {
    private final Progress user;
    private final long endNanos;
    private volatile boolean expired;

    public Deadline(Progress user, Duration limit) {
        this.user = user;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    @Override
    public void update(long done, long total) {
        user.update(done, total);
    }

    @Override
    public boolean cancelled() {
        if (user.cancelled()) {
            return true;
        }
        if (!expired && System.nanoTime() - endNanos >= 0) {
            expired = true;
        }
        return expired;
    }

    /** True when the time ran out before the user cancelled: the import was stopped by the limit. */
    public boolean expired() {
        return expired && !user.cancelled();
    }
}
