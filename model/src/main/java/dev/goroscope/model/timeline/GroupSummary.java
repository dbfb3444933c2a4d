package dev.goroscope.model.timeline;

/**
 * The mix of states of a group of lanes over time, for drawing a folded group as one strip: the trace is cut into
 * equal bins and each bin holds the nanoseconds the group's lanes spent in each {@link SpanKind} there, as
 * prefix sums, so the time per kind over any run of bins costs {@link SpanKind#COUNT} subtractions. Built in one
 * pass over the lanes' intervals.
 */
public final class GroupSummary {
    private final long start;
    private final long binNs;
    private final int bins;
    private final long[] cumulative;

    private GroupSummary(long start, long binNs, int bins, long[] cumulative) {
        this.start = start;
        this.binNs = binNs;
        this.bins = bins;
        this.cumulative = cumulative;
    }

    /** Sums {@code lanes} (with their kinds) over {@code [start, end)} cut into {@code bins} bins. */
    public static GroupSummary of(LaneLod[] lanes, long start, long end, int bins) {
        long binNs = Math.max(1, (end - start + bins - 1) / bins);
        long[] perBin = new long[bins * SpanKind.COUNT];
        for (LaneLod lod : lanes) {
            StateLane.Cursor c = lod.lane().cursor(0);
            while (c.next()) {
                add(perBin, lod.kind(c.index()), Math.max(start, c.start()), Math.min(end, c.end()), start, binNs, bins);
            }
        }
        long[] cumulative = new long[(bins + 1) * SpanKind.COUNT];
        for (int b = 0; b < bins; b++) {
            for (int k = 0; k < SpanKind.COUNT; k++) {
                cumulative[(b + 1) * SpanKind.COUNT + k] = cumulative[b * SpanKind.COUNT + k] + perBin[b * SpanKind.COUNT + k];
            }
        }
        return new GroupSummary(start, binNs, bins, cumulative);
    }

    private static void add(long[] perBin, int kind, long from, long to, long start, long binNs, int bins) {
        long t = from;
        while (t < to) {
            int b = (int) Math.min(bins - 1, (t - start) / binNs);
            long binEnd = b == bins - 1 ? to : Math.min(to, start + (b + 1) * binNs);
            perBin[b * SpanKind.COUNT + kind] += binEnd - t;
            t = binEnd;
        }
    }

    public int bins() {
        return bins;
    }

    /** Nanoseconds per bin. */
    public long binNs() {
        return binNs;
    }

    /** The first bin holding time {@code t}, clamped to the bins. */
    public int binAt(long t) {
        return (int) Math.max(0, Math.min(bins - 1, Math.floorDiv(t - start, binNs)));
    }

    /** Where bin {@code b} starts. */
    public long binStart(int b) {
        return start + b * binNs;
    }

    /** Fills {@code out} with the nanoseconds per {@link SpanKind} in bins {@code [from, to)}; returns their sum. */
    public long timeByKind(int from, int to, long[] out) {
        long total = 0;
        for (int k = 0; k < SpanKind.COUNT; k++) {
            out[k] = cumulative[to * SpanKind.COUNT + k] - cumulative[from * SpanKind.COUNT + k];
            total += out[k];
        }
        return total;
    }
}
