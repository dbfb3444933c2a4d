package dev.goroscope.model.timeline;

import java.util.Arrays;

/**
 * Ranges of time such as GC cycles or stop-the-world pauses, sorted by start, each with a label (an id in
 * {@link Timeline#strings()}, -1 for none). A range still open at the end of the trace ends there.
 */
public final class TimeRanges {
    private final long[] start;
    private final long[] end;
    private final int[] label;

    private TimeRanges(long[] start, long[] end, int[] label) {
        this.start = start;
        this.end = end;
        this.label = label;
    }

    public int size() {
        return start.length;
    }

    public long start(int i) {
        return start[i];
    }

    public long end(int i) {
        return end[i];
    }

    public int label(int i) {
        return label[i];
    }

    /** Total length of all ranges. */
    public long totalNs() {
        long t = 0;
        for (int i = 0; i < start.length; i++) {
            t += end[i] - start[i];
        }
        return t;
    }

    /** The first range that starts at or after {@code t}, or {@link #size()}. */
    public int firstStartingAt(long t) {
        int i = Arrays.binarySearch(start, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && start[i - 1] == t) {
            i--;
        }
        return i;
    }

    /** Collects ranges that may open and close in any order; {@link #build(long)} sorts them by start. */
    public static final class Builder {
        private long[] start = new long[8];
        private long[] end = new long[8];
        private int[] label = new int[8];
        private int size;

        /** Opens a range and returns its handle for {@link #close}. */
        public int open(long t, int labelId) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
                label = Arrays.copyOf(label, size * 2);
            }
            start[size] = t;
            end[size] = Long.MIN_VALUE;
            label[size] = labelId;
            return size++;
        }

        public void close(int handle, long t) {
            end[handle] = t;
        }

        /** Closes ranges still open at {@code traceEnd} and sorts by start. */
        public TimeRanges build(long traceEnd) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(start[a], start[b]));
            long[] s = new long[size];
            long[] e = new long[size];
            int[] l = new int[size];
            for (int i = 0; i < size; i++) {
                int k = order[i];
                s[i] = start[k];
                e[i] = end[k] == Long.MIN_VALUE ? traceEnd : end[k];
                l[i] = label[k];
            }
            return new TimeRanges(s, e, l);
        }
    }
}
