package dev.goroscope.model.timeline;

import java.util.Arrays;

/**
 * CPU profile samples recorded in a trace, sorted by time: each has a stack (in {@link Timeline#stacks()}) and the
 * Go id of the goroutine it hit (0 when none was running).
 */
public final class CpuSamples {
    private final long[] time;
    private final int[] stack;
    private final long[] goroutine;

    private CpuSamples(long[] time, int[] stack, long[] goroutine) {
        this.time = time;
        this.stack = stack;
        this.goroutine = goroutine;
    }

    public int size() {
        return time.length;
    }

    public long time(int i) {
        return time[i];
    }

    public int stack(int i) {
        return stack[i];
    }

    /** The Go goroutine id, 0 when the sample hit no goroutine. */
    public long goroutine(int i) {
        return goroutine[i];
    }

    /** The first sample at or after {@code t}. */
    public int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Appends samples; they are sorted by time (stable) when built. */
    public static final class Builder {
        private long[] time = new long[64];
        private int[] stack = new int[64];
        private long[] goroutine = new long[64];
        private int size;

        public void add(long t, int stackId, long goid) {
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                stack = Arrays.copyOf(stack, size * 2);
                goroutine = Arrays.copyOf(goroutine, size * 2);
            }
            time[size] = t;
            stack[size] = stackId;
            goroutine[size++] = goid;
        }

        public CpuSamples build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = time[i - 1] <= time[i];
            }
            if (sorted) {
                return new CpuSamples(Arrays.copyOf(time, size), Arrays.copyOf(stack, size), Arrays.copyOf(goroutine, size));
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));
            long[] t = new long[size];
            int[] s = new int[size];
            long[] g = new long[size];
            for (int i = 0; i < size; i++) {
                t[i] = time[order[i]];
                s[i] = stack[order[i]];
                g[i] = goroutine[order[i]];
            }
            return new CpuSamples(t, s, g);
        }
    }
}
