package dev.goroscope.importers.trace.v2;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StringTable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Receives events in the order the {@link Ordering} lets them happen and passes them, as compact records in
 * chunks of {@code long}s, to the {@link TimelineWriter} that builds the timeline on the other core. Every method
 * that takes a time is one event as Go's reader returns it. Texts are interned here (this thread owns the
 * timeline's string table until the writer is done), so records hold only numbers.
 */
final class Emitter {
    static final int GOMAXPROCS = 0;
    static final int HEAP = 1;
    static final int HEAP_GOAL = 2;

    static final int OP_SYNC = 1;
    static final int OP_SYNC_LAST = 2;
    static final int OP_OTHER = 3;
    static final int OP_CPU = 4;
    static final int OP_ADD_G = 5;
    static final int OP_ADD_M = 6;
    static final int OP_ADD_P = 7;
    static final int OP_G_CREATED = 8;
    static final int OP_G_STATE = 9;
    static final int OP_G_ENDED = 10;
    static final int OP_M_STATE = 11;
    static final int OP_P_STATE = 12;
    static final int OP_GC_ACTIVE = 13;
    static final int OP_GC_BEGIN = 14;
    static final int OP_GC_END = 15;
    static final int OP_STW_BEGIN = 16;
    static final int OP_STW_END = 17;
    static final int OP_METRIC = 18;
    static final int OP_TASK_BEGIN = 19;
    static final int OP_TASK_END = 20;
    static final int OP_REGION_BEGIN = 21;
    static final int OP_REGION_END = 22;
    static final int OP_LOG = 23;
    /** Ends a chunk early: the rest of it is unused. */
    static final int OP_END_OF_CHUNK = 24;
    static final int OP_END = 25;
    static final int OP_G_UNBLOCKED = 26;

    static final int CHUNK = 1 << 15;
    private static final int MAX_RECORD = 8;

    private final StringTable strings;
    private final BlockingQueue<long[]> full;
    private final BlockingQueue<long[]> free;
    private final java.util.function.BooleanSupplier writerFailed;
    private long[] chunk;
    private int pos;

    /**
     * @param writerFailed whether the writer has stopped with a failure (then nothing would take chunks, so
     *                     handing one over gives up instead of waiting forever)
     */
    Emitter(StringTable strings, BlockingQueue<long[]> full, BlockingQueue<long[]> free,
            java.util.function.BooleanSupplier writerFailed) {
        this.strings = strings;
        this.full = full;
        this.free = free;
        this.writerFailed = writerFailed;
        this.chunk = new long[CHUNK];
    }

    /** A pair of queues for chunks: filled ones to the writer and empty ones back. */
    static BlockingQueue<long[]> queue() {
        return new ArrayBlockingQueue<>(16);
    }

    private void room() {
        if (pos + MAX_RECORD > CHUNK) {
            chunk[pos] = OP_END_OF_CHUNK;
            flush();
        }
    }

    private void flush() {
        try {
            while (!full.offer(chunk, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (writerFailed.getAsBoolean()) {
                    throw new IllegalStateException("the timeline writer stopped");
                }
            }
            long[] next = free.poll();
            chunk = next != null ? next : new long[CHUNK];
            pos = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a trace", e);
        }
    }

    private void put(long op, long a) {
        room();
        chunk[pos++] = op;
        chunk[pos++] = a;
    }

    private void put(long op, long a, long b, long c) {
        room();
        chunk[pos++] = op;
        chunk[pos++] = a;
        chunk[pos++] = b;
        chunk[pos++] = c;
    }

    private void put(long op, long a, long b, long c, long d, long e) {
        room();
        chunk[pos++] = op;
        chunk[pos++] = a;
        chunk[pos++] = b;
        chunk[pos++] = c;
        chunk[pos++] = d;
        chunk[pos++] = e;
    }

    /** The timeline string id of {@code s}, -1 for the empty string. */
    int intern(String s) {
        return s.isEmpty() ? -1 : strings.intern(s);
    }

    /** The synthetic Sync at the start of a generation, at {@code t}. */
    void sync(long t) {
        put(OP_SYNC, t);
    }

    /** The synthetic Sync at the end (or at a break), at the last event's time. */
    void syncAtLast() {
        room();
        chunk[pos++] = OP_SYNC_LAST;
    }

    /** No more events: hands the last chunk over. */
    void end() {
        room();
        chunk[pos++] = OP_END;
        flush();
    }

    void other(long t) {
        put(OP_OTHER, t);
    }

    void cpuSample(long t, long goid, int stack) {
        put(OP_CPU, t, goid, stack);
    }

    void addGoroutine(long goid) {
        put(OP_ADD_G, goid);
    }

    void addThread(long mid) {
        put(OP_ADD_M, mid);
    }

    void addProc(long pid) {
        put(OP_ADD_P, pid);
    }

    void goCreated(long t, int g, long goid, long creatorGoid, int startStack, int creatorStack, GoroutineState s) {
        room();
        chunk[pos++] = OP_G_CREATED;
        chunk[pos++] = t;
        chunk[pos++] = g;
        chunk[pos++] = creatorGoid;
        chunk[pos++] = startStack;
        chunk[pos++] = creatorStack;
        chunk[pos++] = s.ordinal();
    }

    void goFound(long t, int g, long goid, GoroutineState s, int stack) {
        put(OP_G_STATE, t, g, s.ordinal(), -1, stack);
    }

    /** Goroutine slot {@code g} enters {@code s}; {@code reason} is a timeline string id or -1. */
    void goState(long t, int g, GoroutineState s, int reason, int stack) {
        put(OP_G_STATE, t, g, s.ordinal(), reason, stack);
    }

    /** Goroutine slot {@code g} is made runnable by goroutine slot {@code by} (-1: no goroutine did it). */
    void goUnblocked(long t, int g, int by) {
        put(OP_G_UNBLOCKED, t, g, by);
    }

    void goEnded(long t, int g) {
        room();
        chunk[pos++] = OP_G_ENDED;
        chunk[pos++] = t;
        chunk[pos++] = g;
    }

    void threadState(int m, GoroutineState s) {
        room();
        chunk[pos++] = OP_M_STATE;
        chunk[pos++] = m;
        chunk[pos++] = s.ordinal();
    }

    void procState(int p, GoroutineState s, int g) {
        put(OP_P_STATE, p, s.ordinal(), g);
    }

    void gcActive(long t) {
        put(OP_GC_ACTIVE, t);
    }

    void gcBegin(long t) {
        put(OP_GC_BEGIN, t);
    }

    void gcEnd(long t) {
        put(OP_GC_END, t);
    }

    void stwBegin(long t, int g, String kind) {
        put(OP_STW_BEGIN, t, g, strings.intern(kind));
    }

    void stwEnd(long t, int g) {
        room();
        chunk[pos++] = OP_STW_END;
        chunk[pos++] = t;
        chunk[pos++] = g;
    }

    void metric(long t, int which, long value) {
        put(OP_METRIC, t, which, value);
    }

    void taskBegin(long t, long id, long parent, String name) {
        put(OP_TASK_BEGIN, t, id, parent, strings.intern(name), 0);
    }

    void taskEnd(long t, long id, String name) {
        put(OP_TASK_END, t, id, strings.intern(name));
    }

    void regionBegin(long t, int g, long task, String name, int depth) {
        put(OP_REGION_BEGIN, t, g, task, strings.intern(name), depth);
    }

    void regionEnd(long t, int g, long task, String name) {
        put(OP_REGION_END, t, g, task, strings.intern(name), 0);
    }

    void log(long t, int g, long task, String category, String message) {
        room();
        chunk[pos++] = OP_LOG;
        chunk[pos++] = t;
        chunk[pos++] = g;
        chunk[pos++] = task;
        chunk[pos++] = strings.intern(category);
        chunk[pos++] = strings.intern(message);
    }
}
