package dev.goroscope.model.analysis;

/**
 * One key's goroutine count over a series.
 *
 * @param counts       count per snapshot, in time order (0 where absent)
 * @param perMinute    least-squares growth in goroutines per minute; NaN when all snapshots share one time
 * @param perSnapshot  least-squares growth in goroutines per snapshot
 * @param growing      never decreased, and grew by at least the rules' minimum over at least their minimum of
 *                     snapshots
 */
public record SeriesRow(String entryFunction, String leafFunction, String waitReason, long[] counts, double perMinute,
        double perSnapshot, boolean growing) {
    public long first() {
        return counts[0];
    }

    public long last() {
        return counts[counts.length - 1];
    }
}
