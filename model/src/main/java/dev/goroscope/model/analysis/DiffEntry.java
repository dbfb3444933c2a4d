package dev.goroscope.model.analysis;

/**
 * One line of a snapshot diff: a key's goroutine count before and after.
 *
 * @param delta {@code after - before}
 */
public record DiffEntry(String entryFunction, String leafFunction, String waitReason, long before, long after,
        long delta, Change change) {
    /** What happened to the key between the snapshots. */
    public enum Change {
        NEW, GONE, GROWN, SHRUNK, SAME;

        static Change of(long before, long after) {
            if (before == 0) {
                return NEW;
            }
            if (after == 0) {
                return GONE;
            }
            return after > before ? GROWN : after < before ? SHRUNK : SAME;
        }
    }
}
