package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;

/**
 * The states one goroutine, P or M went through, in time order. Interval {@code i} starts at {@link #start(int)}
 * and lasts until the next interval starts; the last one ends at {@link #end()} (when the goroutine ended, or the
 * end of the trace). A lane has no gaps.
 *
 * <p>Per interval: the {@link GoroutineState} ordinal, a {@code detail} (for a goroutine lane the id of the wait or
 * stop reason in {@link Timeline#strings()}, for P lanes the index of the goroutine running there in
 * {@link Goroutines}; -1 for none and in M lanes) and a stack id in {@link Timeline#stacks()} (for a goroutine lane the stack of
 * the event that entered the state, e.g. where it blocked; {@code StackTable.EMPTY} for none and in P/M lanes). A
 * goroutine lane's interval that began when the goroutine was unblocked also has a {@link #cause(int) cause}: the
 * index of the goroutine that unblocked it, or {@link #BY_RUNTIME}.
 *
 * <p>Storage: a trace has about one interval per event, and an event takes about four bytes in the file, so
 * intervals are packed into bytes: a header byte (state, and whether a detail and a stack follow), the time since
 * the previous interval's start and the detail and stack, as unsigned varints. The bytes live in 64 KiB blocks
 * (a small lane has one smaller block), so a long lane grows without copying and wastes at most one block. Every
 * {@value #CHECKPOINT}th interval has a checkpoint (absolute start time and byte offset), so random access decodes
 * at most that many intervals and {@link #firstEndingAfter(long)} is a binary search. Sequential reading goes
 * through a {@link Cursor}.
 */
public final class StateLane {
    /** Intervals between checkpoints. */
    public static final int CHECKPOINT = 16;
    private static final int HAS_DETAIL = 0x08;
    private static final int HAS_STACK = 0x10;
    private static final int HAS_CAUSE = 0x20;
    /** {@link #cause(int)} of an interval that no other goroutine began. */
    public static final int NO_CAUSE = -2;
    /** {@link #cause(int)} of an interval that the runtime began outside any goroutine (scheduler, netpoller, timer). */
    public static final int BY_RUNTIME = -1;
    /** Marks the rest of a block unused: the next interval starts at the beginning of the next block. */
    private static final byte NEXT_BLOCK = (byte) 0xff;
    /** Bytes per storage block; a lane's first block grows up to this size, then full blocks are added. */
    static final int BLOCK = 1 << 16;
    private static final int SHIFT = 16;
    /** The most bytes one interval takes: header and four varints. */
    private static final int MAX_ENTRY = 1 + 10 + 5 + 5 + 5;

    private final byte[][] blocks;
    private final long[] cpTime;
    private final int[] cpOffset;
    private final int checkpoints;
    private final int size;
    private final long end;

    private StateLane(byte[][] blocks, long[] cpTime, int[] cpOffset, int size, long end) {
        this.blocks = blocks;
        this.cpTime = cpTime;
        this.cpOffset = cpOffset;
        this.checkpoints = (size + CHECKPOINT - 1) / CHECKPOINT;
        this.size = size;
        this.end = end;
    }

    public int size() {
        return size;
    }

    /** The end of the last interval. */
    public long end() {
        return end;
    }

    public long start(int i) {
        return at(i).start;
    }

    /** Where interval {@code i} ends: the start of the next one, or the lane's end. */
    public long end(int i) {
        return at(i).end;
    }

    /** The {@link GoroutineState} ordinal of interval {@code i}. */
    public int stateOrdinal(int i) {
        return at(i).state;
    }

    public GoroutineState state(int i) {
        return GoroutineState.ofOrdinal(stateOrdinal(i));
    }

    public int detail(int i) {
        return at(i).detail;
    }

    /** The stack of interval {@code i}; {@code StackTable.EMPTY} for none. */
    public int stack(int i) {
        return at(i).stack;
    }

    /**
     * Who began interval {@code i}: for a goroutine that was unblocked, the index in {@link Goroutines} of the
     * goroutine that unblocked it, or {@link #BY_RUNTIME}; {@link #NO_CAUSE} when not recorded.
     */
    public int cause(int i) {
        return at(i).cause;
    }

    private Cursor at(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("interval " + i + " of " + size);
        }
        Cursor c = cursor(i);
        c.next();
        return c;
    }

    /** A cursor positioned before interval {@code from}; each {@link Cursor#next()} moves to the next interval. */
    public Cursor cursor(int from) {
        Cursor c = new Cursor();
        int k = Math.min(from, size) / CHECKPOINT;
        if (size == 0) {
            return c;
        }
        if (k >= checkpoints) {
            k = checkpoints - 1;
        }
        c.seek(k);
        while (c.index + 1 < from) {
            c.next();
        }
        return c;
    }

    /** The first interval that ends after {@code t} (so overlaps {@code [t, ...)}), or {@link #size()}. */
    public int firstEndingAfter(long t) {
        if (size == 0 || end <= t) {
            return size;
        }
        int lo = 0;
        int hi = checkpoints - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cpTime[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Cursor c = new Cursor();
        c.seek(lo);
        while (c.next()) {
            if (c.end > t) {
                return c.index;
            }
        }
        return size;
    }

    /** The interval holding time {@code t}, or -1 if the lane has not started yet or has ended. */
    public int indexAt(long t) {
        if (size == 0 || t < cpTime[0] || t >= end) {
            return -1;
        }
        return firstEndingAfter(t);
    }

    /** Nanoseconds spent in each state over {@code [from, to)}, indexed by {@link GoroutineState} ordinal. */
    public long[] timeByState(long from, long to) {
        long[] out = new long[GoroutineState.values().length];
        Cursor c = cursor(firstEndingAfter(from));
        while (c.next() && c.start < to) {
            out[c.state] += Math.min(c.end, to) - Math.max(c.start, from);
        }
        return out;
    }

    /** Reads intervals in order without allocating; fields hold the current interval after {@link #next()}. */
    public final class Cursor {
        private int index = -1;
        private byte[] data;
        private int block;
        private int pos;
        private long nextStart;
        private int nextHeader;
        private int nextPos;
        /** The current interval's index, start, end, state ordinal, detail and stack. */
        private long start;
        private long end;
        private int state;
        private int detail;
        private int stack;
        private int cause;

        private void seek(int k) {
            index = k * CHECKPOINT - 1;
            block = cpOffset[k] >>> SHIFT;
            data = blocks[block];
            pos = cpOffset[k] & (BLOCK - 1);
            nextStart = cpTime[k];
            peekHeaderSkippingDelta();
        }

        /** Moves {@code pos} to the next block when the current one has no more intervals. */
        private int entryStart(int p) {
            if (p == data.length || data[p] == NEXT_BLOCK) {
                data = blocks[++block];
                return 0;
            }
            return p;
        }

        private void peekHeaderSkippingDelta() {
            if (index + 1 >= size) {
                return;
            }
            pos = entryStart(pos);
            nextHeader = data[pos] & 0xff;
            nextPos = pos + 1;
            while (data[nextPos] < 0) {
                nextPos++;
            }
            nextPos++;
        }

        /** Moves to the next interval; false after the last. */
        public boolean next() {
            if (index + 1 >= size) {
                return false;
            }
            index++;
            start = nextStart;
            int h = nextHeader;
            state = h & 0x07;
            pos = nextPos;
            detail = (h & HAS_DETAIL) != 0 ? (int) readVarint() : -1;
            stack = (h & HAS_STACK) != 0 ? (int) readVarint() : StackTable.EMPTY;
            cause = (h & HAS_CAUSE) != 0 ? (int) readVarint() - 1 : NO_CAUSE;
            if (index + 1 < size) {
                pos = entryStart(pos);
                nextHeader = data[pos++] & 0xff;
                long d = readVarint();
                nextStart = start + d;
                nextPos = pos;
                end = nextStart;
            } else {
                end = StateLane.this.end;
            }
            return true;
        }

        /** Reads the unsigned varint at {@code pos} and moves past it. */
        private long readVarint() {
            long v = 0;
            int shift = 0;
            int b;
            do {
                b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }

        public int index() {
            return index;
        }

        public long start() {
            return start;
        }

        public long end() {
            return end;
        }

        public int stateOrdinal() {
            return state;
        }

        public int detail() {
            return detail;
        }

        public int stack() {
            return stack;
        }

        /** See {@link StateLane#cause(int)}. */
        public int cause() {
            return cause;
        }
    }

    /** Appends intervals in time order; {@link #build(long)} closes the last one. */
    public static final class Builder {
        private byte[][] blocks = new byte[1][];
        private int block;
        private byte[] data = new byte[16];
        private int len;
        private long[] cpTime = new long[1];
        private int[] cpOffset = new int[1];
        private int size;
        private long lastStart = Long.MIN_VALUE;
        private long prevStart = Long.MIN_VALUE;
        private int lastBlock;
        private int lastOffset;
        private int lastState = -1;
        private int lastDetail = -1;
        private int prevState = -1;
        private int prevDetail = -1;
        private final boolean withStacks;

        /** A builder for a goroutine lane (with a stack per interval) or a P/M lane (stacks ignored). */
        public Builder(boolean withStacks) {
            this.withStacks = withStacks;
            blocks[0] = data;
        }

        /** Opens an interval at {@code t} (not before the last one), closing the previous one there. */
        public void add(long t, int stateOrdinal, int detailValue, int stackId) {
            add(t, stateOrdinal, detailValue, stackId, NO_CAUSE);
        }

        /** As {@link #add(long, int, int, int)}, with the {@link StateLane#cause(int) cause} of the interval. */
        public void add(long t, int stateOrdinal, int detailValue, int stackId, int causeValue) {
            if (len + MAX_ENTRY > data.length) {
                room();
            }
            if (size % CHECKPOINT == 0) {
                int k = size / CHECKPOINT;
                if (k == cpTime.length) {
                    cpTime = Arrays.copyOf(cpTime, k * 2);
                    cpOffset = Arrays.copyOf(cpOffset, k * 2);
                }
                cpTime[k] = t;
                cpOffset[k] = block << SHIFT | len;
            }
            lastBlock = block;
            lastOffset = len;
            boolean hasDetail = detailValue >= 0;
            boolean hasStack = withStacks && stackId >= 0;
            boolean hasCause = causeValue != NO_CAUSE;
            data[len++] = (byte) (stateOrdinal | (hasDetail ? HAS_DETAIL : 0) | (hasStack ? HAS_STACK : 0)
                    | (hasCause ? HAS_CAUSE : 0));
            put(size == 0 ? 0 : t - lastStart);
            if (hasDetail) {
                put(detailValue);
            }
            if (hasStack) {
                put(stackId);
            }
            if (hasCause) {
                put(causeValue + 1L);
            }
            prevStart = lastStart;
            prevState = lastState;
            prevDetail = lastDetail;
            lastStart = t;
            lastState = stateOrdinal;
            lastDetail = detailValue;
            size++;
        }

        /** Grows the first block, or closes the current full-size block and starts the next. */
        private void room() {
            if (data.length < BLOCK) {
                data = Arrays.copyOf(data, Math.min(BLOCK, Math.max(data.length + (data.length >> 1), len + MAX_ENTRY)));
                blocks[block] = data;
                return;
            }
            if (len < data.length) {
                data[len] = NEXT_BLOCK;
            }
            block++;
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, block * 2);
            }
            if (blocks[block] == null) {
                blocks[block] = new byte[BLOCK];
            }
            data = blocks[block];
            len = 0;
        }

        private void put(long v) {
            while ((v & ~0x7fL) != 0) {
                data[len++] = (byte) (v & 0x7f | 0x80);
                v >>>= 7;
            }
            data[len++] = (byte) v;
        }

        public int size() {
            return size;
        }

        /** The state of the open interval, or -1 when nothing was added. */
        public int lastState() {
            return lastState;
        }

        public int lastDetail() {
            return lastDetail;
        }

        public long lastStart() {
            return lastStart;
        }

        /** Drops the open interval (it turned out to be empty); only the last one added can be dropped. */
        public void removeLast() {
            block = lastBlock;
            data = blocks[block];
            len = lastOffset;
            size--;
            lastStart = prevStart;
            lastState = prevState;
            lastDetail = prevDetail;
            prevStart = Long.MIN_VALUE;
        }

        /** The lane; its blocks are used as they are, so building costs no copy. */
        public StateLane build(long end) {
            return new StateLane(Arrays.copyOf(blocks, block + 1), cpTime, cpOffset, size, end);
        }
    }
}
