package dev.goroscope.importers.trace.v2;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.CounterSeries;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Receives events in the order the {@link Ordering} lets them happen and builds the timeline. Every call is one
 * event as Go's reader returns it: its time is made strictly greater than the previous event's (a time not after
 * the last becomes last + 1 ns, as Go's reader does), and it is counted.
 */
final class Emitter {
    static final int GOMAXPROCS = 0;
    static final int HEAP = 1;
    static final int HEAP_GOAL = 2;

    private final TimelineBuilder b;
    private long lastTs;
    private long firstTs = Long.MIN_VALUE;
    private long nonSyncEvents;
    private int gcHandle = -1;
    private final Map<Integer, Integer> stwOpen = new HashMap<>();
    private final Map<Integer, ArrayDeque<Integer>> regionsOpen = new HashMap<>();
    private final CounterSeries.Builder[] metrics;

    Emitter(TimelineBuilder b) {
        this.b = b;
        metrics = new CounterSeries.Builder[] {b.counter("gomaxprocs", "procs"), b.counter("heap", "bytes"),
                b.counter("heap goal", "bytes")};
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

    long lastTs() {
        return lastTs;
    }

    long firstTs() {
        return firstTs;
    }

    /** Events other than the synthetic Syncs. */
    long nonSyncEvents() {
        return nonSyncEvents;
    }

    void sync(long t) {
        stamp(t);
    }

    void other(long t) {
        stamp(t);
        nonSyncEvents++;
    }

    void cpuSample(long t, long goid, int stack) {
        b.cpu().add(stamp(t), stack, goid);
        nonSyncEvents++;
    }

    void addGoroutine(long goid) {
        b.addGoroutine(goid);
    }

    void addThread(long mid) {
        b.addThread(mid);
    }

    void addProc(long pid) {
        b.addProc(pid);
    }

    void goCreated(long t, int g, long goid, long creatorGoid, int startStack, int creatorStack, GoroutineState s) {
        long ts = stamp(t);
        nonSyncEvents++;
        b.goroutineCreated(g, ts, creatorGoid, startStack, creatorStack);
        enter(g, ts, s, -1, startStack);
    }

    void goFound(long t, int g, long goid, GoroutineState s, int stack) {
        long ts = stamp(t);
        nonSyncEvents++;
        enter(g, ts, s, -1, stack);
    }

    void goState(long t, int g, GoroutineState s, String reason, int stack) {
        long ts = stamp(t);
        nonSyncEvents++;
        enter(g, ts, s, reason.isEmpty() ? -1 : b.strings().intern(reason), stack);
    }

    private void enter(int g, long t, GoroutineState s, int reason, int stack) {
        b.goroutineState(g, t, s, reason, stack);
    }

    void goEnded(long t, int g) {
        long ts = stamp(t);
        nonSyncEvents++;
        b.goroutineEnded(g, ts);
        regionsOpen.remove(g);
    }

    void threadState(int m, GoroutineState s, int g) {
        b.threadState(m, lastTs, s, g);
    }

    void procState(int p, GoroutineState s, int g) {
        b.procState(p, lastTs, s, g);
    }

    void gcActive(long t) {
        gcHandle = b.gc().open(stamp(t), -1);
        nonSyncEvents++;
    }

    void gcBegin(long t) {
        gcHandle = b.gc().open(stamp(t), -1);
        nonSyncEvents++;
        b.gcCycleBegan();
    }

    void gcEnd(long t) {
        long ts = stamp(t);
        nonSyncEvents++;
        if (gcHandle >= 0) {
            b.gc().close(gcHandle, ts);
            gcHandle = -1;
        }
    }

    void stwBegin(long t, int g, String kind) {
        stwOpen.put(g, b.stw().open(stamp(t), b.strings().intern(kind)));
        nonSyncEvents++;
    }

    void stwEnd(long t, int g) {
        long ts = stamp(t);
        nonSyncEvents++;
        Integer h = stwOpen.remove(g);
        if (h != null) {
            b.stw().close(h, ts);
        }
    }

    void metric(long t, int which, long value) {
        metrics[which].add(stamp(t), value);
        nonSyncEvents++;
    }

    void taskBegin(long t, long id, long parent, String name) {
        b.annotations().taskBegin(stamp(t), id, parent, b.strings().intern(name));
        nonSyncEvents++;
    }

    void taskEnd(long t, long id, String name) {
        b.annotations().taskEnd(stamp(t), id, b.strings().intern(name));
        nonSyncEvents++;
    }

    void regionBegin(long t, int g, long task, String name, int depth) {
        int h = b.annotations().regionBegin(stamp(t), g, task, b.strings().intern(name), depth);
        nonSyncEvents++;
        regionsOpen.computeIfAbsent(g, k -> new ArrayDeque<>()).push(h);
    }

    void regionEnd(long t, int g, long task, String name) {
        long ts = stamp(t);
        nonSyncEvents++;
        ArrayDeque<Integer> open = regionsOpen.get(g);
        if (open != null && !open.isEmpty()) {
            b.annotations().regionEnd(open.pop(), ts);
        } else {
            int h = b.annotations().regionBegin(dev.goroscope.model.timeline.Goroutines.UNKNOWN, g, task,
                    b.strings().intern(name), 0);
            b.annotations().regionEnd(h, ts);
        }
    }

    void log(long t, int g, long task, String category, String message) {
        b.annotations().log(stamp(t), g, task, b.strings().intern(category), b.strings().intern(message));
        nonSyncEvents++;
    }
}
