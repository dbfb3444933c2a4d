package dev.goroscope.model.timeline;

/**
 * The named spans of one thread, nested by depth (a Chrome trace's B/E and X events): depth 0 holds the outermost
 * spans, depth {@code d + 1} the spans inside those of depth {@code d}. Within one depth spans do not overlap and
 * are sorted by start, so both their starts and their ends ascend and the spans in a time range are found by
 * binary search. Stored as primitive columns per depth; names are ids in {@link Timeline#strings()}.
 */
public final class SpanLane {
    private final String name;
    private final long[][] start;
    private final long[][] end;
    private final int[][] nameId;
    private final int count;

    private SpanLane(String name, long[][] start, long[][] end, int[][] nameId) {
        this.name = name;
        this.start = start;
        this.end = end;
        this.nameId = nameId;
        int n = 0;
        for (long[] s : start) {
            n += s.length;
        }
        this.count = n;
    }

    /**
     * The lane of spans given sorted by start with each span's enclosing span ({@code parent}, an earlier index,
     * -1 at the top), as nesting produces them.
     */
    public static SpanLane of(String name, int size, long[] start, long[] end, int[] nameId, int[] parent) {
        int[] depth = new int[size];
        int levels = 0;
        for (int i = 0; i < size; i++) {
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
            levels = Math.max(levels, depth[i] + 1);
        }
        int[] perLevel = new int[levels];
        for (int i = 0; i < size; i++) {
            perLevel[depth[i]]++;
        }
        long[][] s = new long[levels][];
        long[][] e = new long[levels][];
        int[][] n = new int[levels][];
        for (int d = 0; d < levels; d++) {
            s[d] = new long[perLevel[d]];
            e[d] = new long[perLevel[d]];
            n[d] = new int[perLevel[d]];
        }
        int[] fill = new int[levels];
        for (int i = 0; i < size; i++) {
            int d = depth[i];
            int k = fill[d]++;
            s[d][k] = start[i];
            e[d][k] = end[i];
            n[d][k] = nameId[i];
        }
        return new SpanLane(name, s, e, n);
    }

    /** What the lane is called, e.g. "main (pid 1), worker (tid 7)". */
    public String name() {
        return name;
    }

    /** How many depths the lane has (0 for none). */
    public int depths() {
        return start.length;
    }

    /** Spans in all depths. */
    public int size() {
        return count;
    }

    /** Spans at depth {@code d}. */
    public int size(int d) {
        return start[d].length;
    }

    public long start(int d, int i) {
        return start[d][i];
    }

    public long end(int d, int i) {
        return end[d][i];
    }

    /** The id of the span's name in {@link Timeline#strings()}. */
    public int nameId(int d, int i) {
        return nameId[d][i];
    }

    /** The earliest start, or {@code Long.MAX_VALUE} for an empty lane. */
    public long firstStart() {
        return start.length == 0 ? Long.MAX_VALUE : start[0][0];
    }

    /** The latest end, or {@code Long.MIN_VALUE} for an empty lane (outermost spans hold every other). */
    public long lastEnd() {
        return start.length == 0 ? Long.MIN_VALUE : end[0][end[0].length - 1];
    }

    /** The first span at depth {@code d} that ends after {@code t}; {@link #size(int)} when none. */
    public int firstEndingAfter(int d, long t) {
        long[] e = end[d];
        int lo = 0;
        int hi = e.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The span at depth {@code d} that covers time {@code t}, or -1. */
    public int spanAt(int d, long t) {
        if (d < 0 || d >= start.length) {
            return -1;
        }
        int i = firstEndingAfter(d, t);
        return i < start[d].length && start[d][i] <= t ? i : -1;
    }
}
