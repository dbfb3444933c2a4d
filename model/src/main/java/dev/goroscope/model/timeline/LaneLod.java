package dev.goroscope.model.timeline;

/**
 * Level of detail for drawing one {@link StateLane} at any zoom in time proportional to the pixels, not to the
 * intervals. Intervals at least one cell wide (a cell is the narrowest width worth drawing, in nanoseconds) are
 * reported one by one; runs of narrower ones are merged into one run with the time spent per {@link SpanKind}, the
 * way gotraceui merges tiny spans. A run reaches from its first interval to the end of the cell (on a grid fixed
 * in trace time, so runs do not flicker while panning) and swallows the interval crossing that boundary, unless a
 * wide interval starts first.
 *
 * <p>Per block of {@value #BLOCK} intervals the index keeps the longest interval and the running time per kind,
 * so finding where a run stops and what it holds skips whole blocks: a frame costs about
 * {@code cells × (BLOCK + blocks per cell)} steps per lane, however many intervals the lane has.
 */
public final class LaneLod {
    static final int BLOCK = 64;

    private final StateLane lane;
    private final byte[] kind;
    private final long[] blockMax;
    private final long[] cumulative;
    private final long[] scratch = new long[SpanKind.COUNT];

    /** Indexes {@code lane} whose intervals have the given kinds (see {@link SpanKind}). */
    public LaneLod(StateLane lane, byte[] kind) {
        this.lane = lane;
        this.kind = kind;
        int n = lane.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        blockMax = new long[blocks];
        cumulative = new long[(blocks + 1) * SpanKind.COUNT];
        long[] sum = new long[SpanKind.COUNT];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(sum, 0, cumulative, b * SpanKind.COUNT, SpanKind.COUNT);
            long max = 0;
            for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                long d = lane.end(i) - lane.start(i);
                max = Math.max(max, d);
                sum[kind[i]] += d;
            }
            blockMax[b] = max;
        }
        System.arraycopy(sum, 0, cumulative, blocks * SpanKind.COUNT, SpanKind.COUNT);
    }

    public StateLane lane() {
        return lane;
    }

    public int kind(int i) {
        return kind[i];
    }

    /** Receives what to draw, left to right. */
    public interface Sink {
        /** Interval {@code index}, clipped to the range asked for. */
        void span(int index, long start, long end, int kind);

        /**
         * Intervals {@code first..last} merged; {@code timeByKind} (reused between calls) holds the nanoseconds
         * per {@link SpanKind} inside {@code [start, end)}.
         */
        void merged(int first, int last, long start, long end, long[] timeByKind);
    }

    /** Reports the intervals overlapping {@code [from, to)} for a cell of {@code cellNs} nanoseconds. */
    public void visit(long from, long to, long cellNs, Sink sink) {
        long cell = Math.max(1, cellNs);
        int n = lane.size();
        int i = lane.firstEndingAfter(from);
        while (i < n && lane.start(i) < to) {
            long s = lane.start(i);
            long e = lane.end(i);
            if (e - s >= cell) {
                sink.span(i, Math.max(s, from), Math.min(e, to), kind[i]);
                i++;
                continue;
            }
            long cellEnd = Math.min(to, (Math.floorDiv(Math.max(s, from), cell) + 1) * cell);
            int stop = firstStartingAtOrAfter(i + 1, cellEnd);
            int wide = firstWide(i + 1, stop, cell);
            int last = wide - 1;
            if (last == i) {
                sink.span(i, Math.max(s, from), Math.min(e, to), kind[i]);
                i++;
                continue;
            }
            long runStart = Math.max(s, from);
            long runEnd = Math.min(lane.end(last), to);
            timeBetween(i, last + 1, runStart, runEnd);
            sink.merged(i, last, runStart, runEnd, scratch);
            i = last + 1;
        }
    }

    /** Fills {@code scratch} with the time per kind of intervals {@code [a, b)} clipped to {@code [from, to)}. */
    private void timeBetween(int a, int b, long from, long to) {
        java.util.Arrays.fill(scratch, 0);
        int blockA = (a + BLOCK - 1) / BLOCK;
        int blockB = b / BLOCK;
        if (blockA < blockB) {
            for (int k = 0; k < SpanKind.COUNT; k++) {
                scratch[k] = cumulative[blockB * SpanKind.COUNT + k] - cumulative[blockA * SpanKind.COUNT + k];
            }
            addIntervals(a, blockA * BLOCK);
            addIntervals(blockB * BLOCK, b);
        } else {
            addIntervals(a, b);
        }
        long headCut = from - lane.start(a);
        if (headCut > 0) {
            scratch[kind[a]] -= headCut;
        }
        long tailCut = lane.end(b - 1) - to;
        if (tailCut > 0) {
            scratch[kind[b - 1]] -= tailCut;
        }
    }

    private void addIntervals(int a, int b) {
        for (int i = a; i < b; i++) {
            scratch[kind[i]] += lane.end(i) - lane.start(i);
        }
    }

    /** The first interval in {@code [a, b)} lasting at least {@code cell}, or {@code b}. */
    private int firstWide(int a, int b, long cell) {
        int i = a;
        while (i < b) {
            if (i % BLOCK == 0 && i + BLOCK <= b && blockMax[i / BLOCK] < cell) {
                i += BLOCK;
                continue;
            }
            if (lane.end(i) - lane.start(i) >= cell) {
                return i;
            }
            i++;
        }
        return b;
    }

    /** The first interval at or after {@code from} starting at or after {@code t}, or the lane's size. */
    private int firstStartingAtOrAfter(int from, long t) {
        int lo = from;
        int hi = lane.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lane.start(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
