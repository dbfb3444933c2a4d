package dev.goroscope.model.analysis;

/**
 * Buckets of the minutes a goroutine has been blocked, as its dump header says ({@code [chan receive, 12
 * minutes]}): [0,1), [1,5), [5,15), [15,60), [1h,4h), [4h,1d), 1 day and more.
 */
public final class WaitHistogram {
    /** Lower edge of each bucket, in minutes. */
    private static final int[] EDGES = {0, 1, 5, 15, 60, 240, 1440};
    /** Number of buckets. */
    public static final int BUCKETS = EDGES.length;

    private WaitHistogram() {
    }

    /** The bucket of {@code minutes}. */
    public static int bucket(int minutes) {
        int b = 0;
        while (b + 1 < BUCKETS && minutes >= EDGES[b + 1]) {
            b++;
        }
        return b;
    }

    /** A label such as "1-4 min", "1-4 h" or "≥ 1 day". */
    public static String label(int b) {
        return switch (b) {
            case 0 -> "< 1 min";
            case 1 -> "1-4 min";
            case 2 -> "5-14 min";
            case 3 -> "15-59 min";
            case 4 -> "1-4 h";
            case 5 -> "4-24 h";
            default -> "≥ 1 day";
        };
    }
}
