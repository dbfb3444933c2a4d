package dev.goroscope.importers.trace.v2;

import static dev.goroscope.importers.trace.v2.Emitter.*;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.CounterSeries;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * Builds the timeline from the records an {@link Emitter} writes, on its own thread. Each record with a time is
 * one event: its time is made strictly greater than the previous event's (a time not after the last becomes
 * last + 1 ns, as Go's reader does), and it is counted.
 */
final class TimelineWriter implements Runnable {
    private static final GoroutineState[] STATES = GoroutineState.values();

    private final TimelineBuilder b;
    private final BlockingQueue<long[]> full;
    private final BlockingQueue<long[]> free;
    private long lastTs;
    private long firstTs = Long.MIN_VALUE;
    private long nonSyncEvents;
    private int gcHandle = -1;
    private final Map<Integer, Integer> stwOpen = new HashMap<>();
    private final Map<Integer, ArrayDeque<Integer>> regionsOpen = new HashMap<>();
    private final CounterSeries.Builder[] metrics;
    private volatile Throwable failure;

    TimelineWriter(TimelineBuilder b, BlockingQueue<long[]> full, BlockingQueue<long[]> free) {
        this.b = b;
        this.full = full;
        this.free = free;
        metrics = new CounterSeries.Builder[] {b.counter("gomaxprocs", "procs"), b.counter("heap", "bytes"),
                b.counter("heap goal", "bytes")};
    }

    long lastTs() {
        return lastTs;
    }

    long firstTs() {
        return firstTs;
    }

    long nonSyncEvents() {
        return nonSyncEvents;
    }

    /** What stopped the writer, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (true) {
                long[] c = full.take();
                boolean more = apply(c);
                free.offer(c);
                if (!more) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            full.clear();
        }
    }

    private long stamp(long t) {
        if (t <= lastTs) {
            t = lastTs + 1;
        }
        lastTs = t;
        if (firstTs == Long.MIN_VALUE) {
            firstTs = t;
        }
        b.countEvents(1);
        return t;
    }

    private long event(long t) {
        nonSyncEvents++;
        return stamp(t);
    }

    /** Applies one chunk; false after the end record. */
    private boolean apply(long[] c) {
        int i = 0;
        while (true) {
            int op = (int) c[i];
            switch (op) {
                case OP_SYNC -> {
                    stamp(c[i + 1]);
                    i += 2;
                }
                case OP_SYNC_LAST -> {
                    stamp(lastTs);
                    i += 1;
                }
                case OP_OTHER -> {
                    event(c[i + 1]);
                    i += 2;
                }
                case OP_CPU -> {
                    b.cpu().add(event(c[i + 1]), (int) c[i + 3], c[i + 2]);
                    i += 4;
                }
                case OP_ADD_G -> {
                    b.addGoroutine(c[i + 1]);
                    i += 2;
                }
                case OP_ADD_M -> {
                    b.addThread(c[i + 1]);
                    i += 2;
                }
                case OP_ADD_P -> {
                    b.addProc(c[i + 1]);
                    i += 2;
                }
                case OP_G_CREATED -> {
                    long t = event(c[i + 1]);
                    int g = (int) c[i + 2];
                    b.goroutineCreated(g, t, c[i + 3], (int) c[i + 4], (int) c[i + 5]);
                    b.goroutineState(g, t, STATES[(int) c[i + 6]], -1, (int) c[i + 4]);
                    i += 7;
                }
                case OP_G_STATE -> {
                    b.goroutineState((int) c[i + 2], event(c[i + 1]), STATES[(int) c[i + 3]], (int) c[i + 4],
                            (int) c[i + 5]);
                    i += 6;
                }
                case OP_G_UNBLOCKED -> {
                    b.goroutineUnblocked((int) c[i + 2], event(c[i + 1]), (int) c[i + 3]);
                    i += 4;
                }
                case OP_G_ENDED -> {
                    int g = (int) c[i + 2];
                    b.goroutineEnded(g, event(c[i + 1]));
                    regionsOpen.remove(g);
                    i += 3;
                }
                case OP_M_STATE -> {
                    b.threadState((int) c[i + 1], lastTs, STATES[(int) c[i + 2]]);
                    i += 3;
                }
                case OP_P_STATE -> {
                    b.procState((int) c[i + 1], lastTs, STATES[(int) c[i + 2]], (int) c[i + 3]);
                    i += 4;
                }
                case OP_GC_ACTIVE -> {
                    gcHandle = b.gc().open(event(c[i + 1]), -1);
                    i += 2;
                }
                case OP_GC_BEGIN -> {
                    gcHandle = b.gc().open(event(c[i + 1]), -1);
                    b.gcCycleBegan();
                    i += 2;
                }
                case OP_GC_END -> {
                    long t = event(c[i + 1]);
                    if (gcHandle >= 0) {
                        b.gc().close(gcHandle, t);
                        gcHandle = -1;
                    }
                    i += 2;
                }
                case OP_STW_BEGIN -> {
                    stwOpen.put((int) c[i + 2], b.stw().open(event(c[i + 1]), (int) c[i + 3]));
                    i += 4;
                }
                case OP_STW_END -> {
                    long t = event(c[i + 1]);
                    Integer h = stwOpen.remove((int) c[i + 2]);
                    if (h != null) {
                        b.stw().close(h, t);
                    }
                    i += 3;
                }
                case OP_METRIC -> {
                    metrics[(int) c[i + 2]].add(event(c[i + 1]), c[i + 3]);
                    i += 4;
                }
                case OP_TASK_BEGIN -> {
                    b.annotations().taskBegin(event(c[i + 1]), c[i + 2], c[i + 3], (int) c[i + 4]);
                    i += 6;
                }
                case OP_TASK_END -> {
                    b.annotations().taskEnd(event(c[i + 1]), c[i + 2], (int) c[i + 3]);
                    i += 4;
                }
                case OP_REGION_BEGIN -> {
                    int g = (int) c[i + 2];
                    int h = b.annotations().regionBegin(event(c[i + 1]), g, c[i + 3], (int) c[i + 4], (int) c[i + 5]);
                    regionsOpen.computeIfAbsent(g, k -> new ArrayDeque<>()).push(h);
                    i += 6;
                }
                case OP_REGION_END -> {
                    long t = event(c[i + 1]);
                    int g = (int) c[i + 2];
                    ArrayDeque<Integer> open = regionsOpen.get(g);
                    if (open != null && !open.isEmpty()) {
                        b.annotations().regionEnd(open.pop(), t);
                    } else {
                        b.annotations().regionEnd(b.annotations().regionBegin(Goroutines.UNKNOWN, g, c[i + 3],
                                (int) c[i + 4], 0), t);
                    }
                    i += 6;
                }
                case OP_LOG -> {
                    b.annotations().log(event(c[i + 1]), (int) c[i + 2], c[i + 3], (int) c[i + 4], (int) c[i + 5]);
                    i += 6;
                }
                case OP_END_OF_CHUNK -> {
                    return true;
                }
                case OP_END -> {
                    return false;
                }
                default -> throw new IllegalStateException("bad record " + op + " at " + i);
            }
        }
    }
}
