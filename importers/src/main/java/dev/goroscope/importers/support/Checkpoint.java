package dev.goroscope.importers.support;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Progress;
import java.util.function.LongSupplier;

/** Reports progress every few thousand records and stops the read when the user cancelled it. */
public final class Checkpoint {
    private static final int EVERY = 4096;

    private final Progress progress;
    private final String file;
    private final long total;
    private int countdown = EVERY;

    public Checkpoint(Progress progress, String file, long total) {
        this.progress = progress;
        this.file = file;
        this.total = total;
    }

    /** Counts one record; every few thousand, reports the bytes {@code done} and checks for cancellation. */
    public void tick(LongSupplier done) throws ImportException {
        if (--countdown > 0) {
            return;
        }
        countdown = EVERY;
        progress.update(done.getAsLong(), total);
        if (progress.cancelled()) {
            throw new ImportException(file, "", "cancelled");
        }
    }
}
