package dev.goroscope.importers.trace;

import java.util.function.BooleanSupplier;

/**
 * Checks for cancellation in the work done after a trace is read (ordering, replaying), every {@value #EVERY}
 * steps, so a cancelled load of millions of events ends within milliseconds at no cost to the loop.
 */
public final class CancelPoll {
    private static final int EVERY = 1 << 12;

    private final BooleanSupplier cancelled;
    private int countdown = EVERY;

    public CancelPoll(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    /** Counts one step of {@code phase}; every few thousand steps, stops the read if it was cancelled. */
    public void step(String phase) throws ReadStopped {
        if (--countdown > 0) {
            return;
        }
        countdown = EVERY;
        now(phase);
    }

    /** Stops the read at once if it was cancelled, naming {@code phase}. */
    public void now(String phase) throws ReadStopped {
        if (cancelled.getAsBoolean()) {
            throw ReadStopped.cancelled(phase);
        }
    }
}
