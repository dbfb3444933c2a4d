package dev.goroscope.model.timeline;

/**
 * Level of detail for drawing one {@link StateLane} at any zoom in time proportional to the pixels, not to the
 * intervals. Intervals at least one cell wide (a cell is the narrowest width worth drawing, in nanoseconds) are
 * reported one by one; runs of narrower ones are merged into one run with the time spent per {@link SpanKind}, the
 * way gotraceui merges tiny spans. A run reaches from its first interval to the end of the cell (on a grid fixed
 * in trace time, so runs do not flicker while panning) and swallows the interval crossing that boundary, unless a
 * wide interval starts first.
 *
 * <p>A visit reads the lane in order with one {@link StateLane.Cursor}, so each interval in view is decoded once.
 * Per block of {@value #BLOCK} intervals the index keeps the longest interval and the running time per kind, so a
 * run skips whole blocks of narrow intervals: a frame costs at most about {@code cells × 2 × BLOCK} steps per lane,
 * however many intervals the lane has.
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
        StateLane.Cursor c = lane.cursor(0);
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(sum, 0, cumulative, b * SpanKind.COUNT, SpanKind.COUNT);
            long max = 0;
            for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e && c.next(); i++) {
                long d = c.end() - c.start();
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
        int first = lane.firstEndingAfter(from);
        if (first >= n) {
            return;
        }
        StateLane.Cursor c = lane.cursor(first);
        boolean more = c.next();
        while (more && c.start() < to) {
            int i = c.index();
            long s = c.start();
            long e = c.end();
            more = c.next();
            if (e - s >= cell) {
                sink.span(i, Math.max(s, from), Math.min(e, to), kind[i]);
                continue;
            }
            long cellEnd = Math.min(to, (Math.floorDiv(Math.max(s, from), cell) + 1) * cell);
            java.util.Arrays.fill(scratch, 0);
            scratch[kind[i]] = e - s;
            while (more && c.start() < cellEnd && c.end() - c.start() < cell) {
                int j = c.index();
                if (j % BLOCK == 0 && j + BLOCK < n && blockMax[j / BLOCK] < cell && lane.start(j + BLOCK) < cellEnd) {
                    addBlock(j / BLOCK);
                    c = lane.cursor(j + BLOCK);
                    more = c.next();
                    continue;
                }
                scratch[kind[j]] += c.end() - c.start();
                more = c.next();
            }
            int last = more ? c.index() - 1 : n - 1;
            if (last == i) {
                sink.span(i, Math.max(s, from), Math.min(e, to), kind[i]);
                continue;
            }
            long lastEnd = more ? c.start() : lane.end();
            if (from > s) {
                scratch[kind[i]] -= from - s;
            }
            if (lastEnd > to) {
                scratch[kind[last]] -= lastEnd - to;
            }
            sink.merged(i, last, Math.max(s, from), Math.min(lastEnd, to), scratch);
        }
    }

    /** Adds the time per kind of the intervals of block {@code b} to {@code scratch}. */
    private void addBlock(int b) {
        for (int k = 0; k < SpanKind.COUNT; k++) {
            scratch[k] += cumulative[(b + 1) * SpanKind.COUNT + k] - cumulative[b * SpanKind.COUNT + k];
        }
    }
}
