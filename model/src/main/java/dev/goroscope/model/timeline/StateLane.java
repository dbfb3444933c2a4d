package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import java.util.Arrays;

/**
 * The states one goroutine, P or M went through, as sorted primitive columns. Interval {@code i} starts at
 * {@link #start(int)} and lasts until the next interval starts; the last one ends at {@link #end()} (when the
 * goroutine ended, or the end of the trace). A lane has no gaps.
 *
 * <p>Per interval: the {@link GoroutineState} ordinal, a {@code detail} (for a goroutine lane the id of the wait or
 * stop reason in {@link Timeline#strings()}, for P and M lanes the index of the goroutine running there in
 * {@link Goroutines}; -1 for none) and a stack id in {@link Timeline#stacks()} (for a goroutine lane the stack of
 * the event that entered the state, e.g. where it blocked; {@code StackTable.EMPTY} for none).
 */
public final class StateLane {
    private final long[] start;
    private final byte[] state;
    private final int[] detail;
    private final int[] stack;
    private final long end;

    private StateLane(long[] start, byte[] state, int[] detail, int[] stack, long end) {
        this.start = start;
        this.state = state;
        this.detail = detail;
        this.stack = stack;
        this.end = end;
    }

    public int size() {
        return start.length;
    }

    public long start(int i) {
        return start[i];
    }

    /** Where interval {@code i} ends: the start of the next one, or the lane's end. */
    public long end(int i) {
        return i + 1 < start.length ? start[i + 1] : end;
    }

    /** The end of the last interval. */
    public long end() {
        return end;
    }

    /** The {@link GoroutineState} ordinal of interval {@code i}. */
    public int stateOrdinal(int i) {
        return state[i];
    }

    public GoroutineState state(int i) {
        return GoroutineState.ofOrdinal(state[i]);
    }

    public int detail(int i) {
        return detail[i];
    }

    public int stack(int i) {
        return stack[i];
    }

    /** The first interval that ends after {@code t} (so overlaps {@code [t, ...)}), or {@link #size()}. */
    public int firstEndingAfter(long t) {
        if (start.length == 0 || end <= t) {
            return start.length;
        }
        int lo = 0;
        int hi = start.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid + 1] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The interval holding time {@code t}, or -1 if the lane has not started yet or has ended. */
    public int indexAt(long t) {
        if (start.length == 0 || t < start[0] || t >= end) {
            return -1;
        }
        return firstEndingAfter(t);
    }

    /** Nanoseconds spent in each state over {@code [from, to)}, indexed by {@link GoroutineState} ordinal. */
    public long[] timeByState(long from, long to) {
        long[] out = new long[GoroutineState.values().length];
        for (int i = firstEndingAfter(from); i < start.length && start[i] < to; i++) {
            out[state[i]] += Math.min(end(i), to) - Math.max(start[i], from);
        }
        return out;
    }

    /** Appends intervals in time order; {@link #build(long)} closes the last one. */
    public static final class Builder {
        private long[] start = new long[4];
        private byte[] state = new byte[4];
        private int[] detail = new int[4];
        private int[] stack = new int[4];
        private int size;

        /** Opens an interval at {@code t}, closing the previous one there. */
        public void add(long t, int stateOrdinal, int detailValue, int stackId) {
            if (size == start.length) {
                int n = size + (size >> 1) + 4;
                start = Arrays.copyOf(start, n);
                state = Arrays.copyOf(state, n);
                detail = Arrays.copyOf(detail, n);
                stack = Arrays.copyOf(stack, n);
            }
            start[size] = t;
            state[size] = (byte) stateOrdinal;
            detail[size] = detailValue;
            stack[size] = stackId;
            size++;
        }

        public int size() {
            return size;
        }

        /** The state of the open interval, or -1 when nothing was added. */
        public int lastState() {
            return size == 0 ? -1 : state[size - 1];
        }

        public int lastDetail() {
            return size == 0 ? -1 : detail[size - 1];
        }

        public long lastStart() {
            return size == 0 ? Long.MIN_VALUE : start[size - 1];
        }

        /** Drops the open interval (it turned out to be empty). */
        public void removeLast() {
            size--;
        }

        public StateLane build(long end) {
            return new StateLane(Arrays.copyOf(start, size), Arrays.copyOf(state, size), Arrays.copyOf(detail, size),
                    Arrays.copyOf(stack, size), end);
        }
    }
}
