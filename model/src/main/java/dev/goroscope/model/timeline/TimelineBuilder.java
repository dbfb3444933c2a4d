package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a trace reader reconstructs, in time order, into a {@link Timeline}. Goroutines, Ps and Ms are
 * addressed by dense indices the builder hands out, so the reader's hot loop never boxes or hashes through here.
 * Not thread-safe: one reader thread feeds it.
 */
public final class TimelineBuilder {

    private final StringTable strings = new StringTable();
    private final StackTable stacks = new StackTable();
    private long events;
    private int gcCycles;

    private long[] gId = new long[64];
    private long[] gCreated = new long[64];
    private int[] gStartStack = new int[64];
    private long[] gCreator = new long[64];
    private int[] gCreatorStack = new int[64];
    private long[] gEnded = new long[64];
    private StateLane.Builder[] gLanes = new StateLane.Builder[64];
    private int goroutines;

    private long[] procIds = new long[8];
    private StateLane.Builder[] procLanes = new StateLane.Builder[8];
    private int procs;
    private long[] threadIds = new long[8];
    private StateLane.Builder[] threadLanes = new StateLane.Builder[8];
    private int threads;

    private final TimeRanges.Builder gc = new TimeRanges.Builder();
    private final TimeRanges.Builder stw = new TimeRanges.Builder();
    private final Map<String, CounterSeries.Builder> counters = new LinkedHashMap<>();
    private final CpuSamples.Builder cpu = new CpuSamples.Builder();
    private final Annotations.Builder annotations = new Annotations.Builder();
    private final List<SpanLane> spanLanes = new ArrayList<>();
    /** Resolution of the counters derived from state changes (goroutines, runnable, threads). */
    public static final long DERIVED_COUNTER_RESOLUTION_NS = 1_000;

    private final CounterSeries.Builder aliveSeries = derived("goroutines", "goroutines");
    private final CounterSeries.Builder runnableSeries = derived("runnable", "goroutines");
    private final CounterSeries.Builder threadSeries = derived("threads", "threads");
    private long alive;
    private long runnable;
    private long busyThreads;

    public StringTable strings() {
        return strings;
    }

    public StackTable stacks() {
        return stacks;
    }

    /** Counts events as the reader emits them. */
    public void countEvents(long n) {
        events += n;
    }

    public long eventCount() {
        return events;
    }

    /** Adds goroutine {@code goid}, not yet known to be created in the trace; returns its index. */
    public int addGoroutine(long goid) {
        if (goroutines == gId.length) {
            int n = goroutines * 2;
            gId = Arrays.copyOf(gId, n);
            gCreated = Arrays.copyOf(gCreated, n);
            gStartStack = Arrays.copyOf(gStartStack, n);
            gCreator = Arrays.copyOf(gCreator, n);
            gCreatorStack = Arrays.copyOf(gCreatorStack, n);
            gEnded = Arrays.copyOf(gEnded, n);
            gLanes = Arrays.copyOf(gLanes, n);
        }
        gId[goroutines] = goid;
        gCreated[goroutines] = Goroutines.UNKNOWN;
        gStartStack[goroutines] = StackTable.EMPTY;
        gCreator[goroutines] = Goroutines.UNKNOWN;
        gCreatorStack[goroutines] = StackTable.EMPTY;
        gEnded[goroutines] = Goroutines.UNKNOWN;
        gLanes[goroutines] = new StateLane.Builder(true);
        return goroutines++;
    }

    /**
     * Goroutine {@code g} was created at {@code t} by goroutine {@code creatorGoid} (0 for none) at
     * {@code creatorStack}, to run {@code startStack}.
     */
    public void goroutineCreated(int g, long t, long creatorGoid, int startStack, int creatorStack) {
        gCreated[g] = t;
        gCreator[g] = creatorGoid;
        gStartStack[g] = startStack;
        gCreatorStack[g] = creatorStack;
    }

    /**
     * Goroutine {@code g} enters {@code state} at {@code t} for {@code reason} (string id or -1), at {@code stack}.
     * Keeps the "goroutines" (alive) and "runnable" counters.
     */
    public void goroutineState(int g, long t, GoroutineState state, int reason, int stack) {
        goroutineState(g, t, state, reason, stack, StateLane.NO_CAUSE);
    }

    /**
     * Goroutine {@code g} was unblocked at {@code t} (waiting to runnable) by goroutine index {@code by}, or by
     * {@link StateLane#BY_RUNTIME} when no goroutine did it.
     */
    public void goroutineUnblocked(int g, long t, int by) {
        goroutineState(g, t, GoroutineState.RUNNABLE, -1, StackTable.EMPTY, by);
    }

    private void goroutineState(int g, long t, GoroutineState state, int reason, int stack, int cause) {
        StateLane.Builder lane = gLanes[g];
        int from = lane.lastState();
        if (from < 0) {
            aliveSeries.add(t, ++alive);
        } else if (from == GoroutineState.RUNNABLE.ordinal()) {
            runnableSeries.add(t, --runnable);
        }
        if (state == GoroutineState.RUNNABLE) {
            runnableSeries.add(t, ++runnable);
        }
        lane.add(t, state.ordinal(), reason, stack, cause);
    }

    /** Goroutine {@code g} ended at {@code t}; its lane closes there. */
    public void goroutineEnded(int g, long t) {
        gEnded[g] = t;
        int from = gLanes[g].lastState();
        if (from >= 0) {
            aliveSeries.add(t, --alive);
            if (from == GoroutineState.RUNNABLE.ordinal()) {
                runnableSeries.add(t, --runnable);
            }
        }
    }

    /** Adds a P lane for P number {@code pid}; returns its index. */
    public int addProc(long pid) {
        if (procs == procIds.length) {
            procIds = Arrays.copyOf(procIds, procs * 2);
            procLanes = Arrays.copyOf(procLanes, procs * 2);
        }
        procIds[procs] = pid;
        procLanes[procs] = new StateLane.Builder(false);
        return procs++;
    }

    /** P lane {@code p} is IDLE or RUNNING (goroutine index {@code g}, -1 for none) from {@code t}. */
    public void procState(int p, long t, GoroutineState state, int g) {
        laneState(procLanes[p], t, state, g);
    }

    /** Adds an M (thread) lane for thread id {@code mid}; returns its index. */
    public int addThread(long mid) {
        if (threads == threadIds.length) {
            threadIds = Arrays.copyOf(threadIds, threads * 2);
            threadLanes = Arrays.copyOf(threadLanes, threads * 2);
        }
        threadIds[threads] = mid;
        threadLanes[threads] = new StateLane.Builder(false);
        return threads++;
    }

    /**
     * M lane {@code m} is IDLE, RUNNING or SYSCALL from {@code t}. The goroutine an M runs is on its P's lane and in
     * the goroutine's own lane; M lanes keep only the state, so a thread busy running goroutine after goroutine is
     * one interval.
     */
    public void threadState(int m, long t, GoroutineState state) {
        int before = threadLanes[m].lastState();
        boolean wasBusy = before >= 0 && before != GoroutineState.IDLE.ordinal();
        boolean busy = state != GoroutineState.IDLE;
        if (wasBusy != busy) {
            busyThreads += busy ? 1 : -1;
            threadSeries.add(t, busyThreads);
        }
        laneState(threadLanes[m], t, state, -1);
    }

    private static void laneState(StateLane.Builder lane, long t, GoroutineState state, int g) {
        if (lane.lastState() == state.ordinal() && lane.lastDetail() == g) {
            return;
        }
        if (lane.size() > 0 && lane.lastStart() >= t) {
            lane.removeLast();
            if (lane.lastState() == state.ordinal() && lane.lastDetail() == g) {
                return;
            }
        }
        lane.add(t, state.ordinal(), g, StackTable.EMPTY);
    }

    /** Counts a GC cycle that began in the trace (not one found running). */
    public void gcCycleBegan() {
        gcCycles++;
    }

    int gcCycles() {
        return gcCycles;
    }

    public TimeRanges.Builder gc() {
        return gc;
    }

    public TimeRanges.Builder stw() {
        return stw;
    }

    private CounterSeries.Builder derived(String name, String unit) {
        CounterSeries.Builder c = new CounterSeries.Builder(name, unit, DERIVED_COUNTER_RESOLUTION_NS);
        counters.put(name, c);
        return c;
    }

    /** The counter named {@code name}, created on first use. */
    public CounterSeries.Builder counter(String name, String unit) {
        return counters.computeIfAbsent(name, n -> new CounterSeries.Builder(n, unit));
    }

    public CpuSamples.Builder cpu() {
        return cpu;
    }

    public Annotations.Builder annotations() {
        return annotations;
    }

    long[] procIds() {
        return Arrays.copyOf(procIds, procs);
    }

    long[] threadIds() {
        return Arrays.copyOf(threadIds, threads);
    }

    /** Closes every lane still open at {@code endNs} and freezes the timeline. */
    /** Adds a lane of named nested spans (a thread of a Chrome trace); its names are ids in {@link #strings()}. */
    public void addSpanLane(SpanLane lane) {
        spanLanes.add(lane);
    }

    List<SpanLane> spanLanes() {
        return spanLanes;
    }

    public Timeline build(long startNs, long endNs) {
        long[] ended = Arrays.copyOf(gEnded, goroutines);
        StateLane[] lanes = new StateLane[goroutines];
        for (int g = 0; g < goroutines; g++) {
            lanes[g] = gLanes[g].build(ended[g] == Goroutines.UNKNOWN ? endNs : ended[g]);
            gLanes[g] = null;
        }
        Goroutines gs = new Goroutines(Arrays.copyOf(gId, goroutines), Arrays.copyOf(gCreated, goroutines),
                Arrays.copyOf(gStartStack, goroutines), Arrays.copyOf(gCreator, goroutines),
                Arrays.copyOf(gCreatorStack, goroutines), ended, lanes);
        StateLane[] p = new StateLane[procs];
        for (int i = 0; i < procs; i++) {
            p[i] = procLanes[i].build(endNs);
            procLanes[i] = null;
        }
        StateLane[] m = new StateLane[threads];
        for (int i = 0; i < threads; i++) {
            m[i] = threadLanes[i].build(endNs);
            threadLanes[i] = null;
        }
        Map<String, CounterSeries> built = new LinkedHashMap<>();
        counters.forEach((k, v) -> built.put(k, v.build()));
        return new Timeline(this, startNs, endNs, gs, p, m, built);
    }
}
