package dev.goroscope.importers.support;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Progress;
import java.util.function.LongSupplier;

/**
 * Stops a read, and the work after it, soon after the user cancelled it, and reports progress a few times a
 * second. Cancellation is checked every {@value #EVERY} records (a record is at most a line of {@code ImportLimits.maxLineBytes}), so a
 * cancelled read ends within milliseconds; progress is reported at most every {@value #REPORT_MILLIS} ms, and
 * once at the first check, so a listener that redraws is not flooded.
 */
public final class Checkpoint {
    private static final int EVERY = 64;
    private static final long REPORT_MILLIS = 50;

    private final Progress progress;
    private final String file;
    private final long total;
    private int countdown = EVERY;
    private long lastReport = Long.MIN_VALUE;

    public Checkpoint(Progress progress, String file, long total) {
        this.progress = progress;
        this.file = file;
        this.total = total;
    }

    /** Counts one record; every few records, reports the bytes {@code done} when due and checks for cancellation. */
    public void tick(LongSupplier done) throws ImportException {
        if (--countdown > 0) {
            return;
        }
        countdown = EVERY;
        long now = System.nanoTime();
        if (lastReport == Long.MIN_VALUE || now - lastReport >= REPORT_MILLIS * 1_000_000) {
            lastReport = now;
            progress.update(done.getAsLong(), total);
        }
        if (progress.cancelled()) {
            throw ImportException.atByte(file, done.getAsLong(), "cancelled");
        }
    }

    /**
     * Counts one step of the work done after reading (ordering, nesting, resolving), which has no byte offset;
     * every few steps, checks for cancellation and names {@code phase} (e.g. "while resolving samples") if so.
     */
    public void step(String phase) throws ImportException {
        if (--countdown > 0) {
            return;
        }
        countdown = EVERY;
        now(phase);
    }

    /** Stops the import at once, naming {@code phase}, if the user cancelled it. */
    public void now(String phase) throws ImportException {
        if (progress.cancelled()) {
            throw new ImportException(file, phase, "cancelled");
        }
    }
}
