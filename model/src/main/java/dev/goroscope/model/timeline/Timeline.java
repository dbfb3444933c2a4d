package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import java.util.Map;

/**
 * What an execution trace shows over time, as lanes of primitive columns (never one object per event): a lane per
 * goroutine, per P and per M (thread), GC and stop-the-world ranges, counters, CPU samples and user annotations.
 * Times are nanoseconds on the trace clock, as Go's own tools print them; {@link #startNs()} is the first event.
 * Stacks live in one {@link StackTable}, so call trees and flame graphs work on them directly. Immutable; built by
 * {@link TimelineBuilder}.
 */
public final class Timeline {
    private final long startNs;
    private final long endNs;
    private final long events;
    private final int gcCount;
    private final StringTable strings;
    private final StackTable stacks;
    private final Goroutines goroutines;
    private final long[] procId;
    private final StateLane[] procLanes;
    private final long[] threadId;
    private final StateLane[] threadLanes;
    private final TimeRanges gc;
    private final TimeRanges stw;
    private final Map<String, CounterSeries> counters;
    private final CpuSamples cpu;
    private final Annotations annotations;
    private final BlockClass[] reasonClass;
    private final List<SpanLane> spanLanes;

    Timeline(TimelineBuilder b, long startNs, long endNs, Goroutines goroutines, StateLane[] procLanes,
            StateLane[] threadLanes, Map<String, CounterSeries> counters) {
        this.startNs = startNs;
        this.endNs = endNs;
        this.events = b.eventCount();
        this.gcCount = b.gcCycles();
        this.strings = b.strings();
        this.stacks = b.stacks();
        this.goroutines = goroutines;
        this.procId = b.procIds();
        this.procLanes = procLanes;
        this.threadId = b.threadIds();
        this.threadLanes = threadLanes;
        this.gc = b.gc().build(endNs);
        this.stw = b.stw().build(endNs);
        this.counters = Map.copyOf(counters);
        this.cpu = b.cpu().build();
        this.annotations = b.annotations().build(endNs);
        this.spanLanes = List.copyOf(b.spanLanes());
        this.reasonClass = new BlockClass[strings.size()];
        for (int i = 0; i < reasonClass.length; i++) {
            reasonClass[i] = BlockClass.ofWaitReason(strings.get(i));
        }
    }

    /** Time of the first event. */
    public long startNs() {
        return startNs;
    }

    /** Time of the last event; lanes still open end here. */
    public long endNs() {
        return endNs;
    }

    public long durationNs() {
        return endNs - startNs;
    }

    /** How many events the trace held, counted as Go's reader reports them (see HACKING-traces.md). */
    public long eventCount() {
        return events;
    }

    /** Reasons, range labels, task, region and log texts. */
    public StringTable strings() {
        return strings;
    }

    public StackTable stacks() {
        return stacks;
    }

    public Goroutines goroutines() {
        return goroutines;
    }

    public int procCount() {
        return procLanes.length;
    }

    /** The P's number (GOMAXPROCS slot). */
    public long procId(int p) {
        return procId[p];
    }

    /** IDLE/RUNNING intervals; detail = index of the goroutine it ran, -1 for none. */
    public StateLane procLane(int p) {
        return procLanes[p];
    }

    public int threadCount() {
        return threadLanes.length;
    }

    /** The OS thread id. */
    public long threadId(int m) {
        return threadId[m];
    }

    /** IDLE/RUNNING/SYSCALL intervals; detail is always -1 (the goroutines are on the P lanes). */
    public StateLane threadLane(int m) {
        return threadLanes[m];
    }

    /** GC cycles (mark phase), label -1. */
    public TimeRanges gcRanges() {
        return gc;
    }

    /** GC cycles that began in the trace (a cycle already running at the start is in the ranges, not here). */
    public int gcCount() {
        return gcCount;
    }

    /** Stop-the-world pauses, labelled by their kind (e.g. "GC mark termination"). */
    public TimeRanges stwRanges() {
        return stw;
    }

    /** Counters by name: "goroutines", "runnable", "heap", "heap goal", "threads", "gomaxprocs" when present. */
    public Map<String, CounterSeries> counters() {
        return counters;
    }

    public CpuSamples cpu() {
        return cpu;
    }

    public Annotations annotations() {
        return annotations;
    }

    /** Lanes of named nested spans, one per thread of a Chrome trace; empty for a Go execution trace. */
    public List<SpanLane> spanLanes() {
        return spanLanes;
    }

    /** The CPU samples taken in {@code [fromNs, toNs)} as stacks weighted by sample count (on-CPU flame graph). */
    public WeightedStacks cpuSamples(long fromNs, long toNs) {
        int from = cpu.firstAtOrAfter(fromNs);
        int to = cpu.firstAtOrAfter(toNs);
        int[] s = new int[Math.max(0, to - from)];
        long[] w = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = cpu.stack(from + i);
            w[i] = 1;
        }
        return new WeightedStacks(stacks, s, w, "samples").merged();
    }

    /** All CPU samples. */
    public WeightedStacks cpuSamples() {
        return cpuSamples(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Off-CPU time in {@code [fromNs, toNs)} of one class: the stacks where goroutines waited (or entered a system
     * call for {@link BlockClass#SYSCALL}), weighted by the nanoseconds spent there within the range.
     */
    public WeightedStacks blockedStacks(BlockClass cls, long fromNs, long toNs) {
        IntLongAccumulator acc = new IntLongAccumulator();
        for (int g = 0; g < goroutines.size(); g++) {
            StateLane lane = goroutines.lane(g);
            StateLane.Cursor c = lane.cursor(lane.firstEndingAfter(fromNs));
            while (c.next() && c.start() < toNs) {
                if (classOf(c.stateOrdinal(), c.detail()) == cls) {
                    acc.add(c.stack(), Math.min(c.end(), toNs) - Math.max(c.start(), fromNs));
                }
            }
        }
        return acc.toWeightedStacks(stacks, "nanoseconds");
    }

    /** Off-CPU time of one class over the whole trace. */
    public WeightedStacks blockedStacks(BlockClass cls) {
        return blockedStacks(cls, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The block class of a goroutine-lane interval, or null when it is not off CPU (running, runnable). */
    public BlockClass classOf(StateLane goroutineLane, int i) {
        return classOf(goroutineLane.stateOrdinal(i), goroutineLane.detail(i));
    }

    private BlockClass classOf(int state, int reason) {
        if (state == GoroutineState.SYSCALL.ordinal()) {
            return BlockClass.SYSCALL;
        }
        if (state != GoroutineState.WAITING.ordinal()) {
            return null;
        }
        return reason < 0 ? BlockClass.OTHER : reasonClass[reason];
    }

    /** Sums weights per stack id without boxing. */
    private static final class IntLongAccumulator {
        private int[] keys = new int[64];
        private long[] values = new long[64];
        private boolean[] used = new boolean[64];
        private int size;

        void add(int key, long value) {
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B1) >>> 7 & mask;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    values[i] = value;
                    grow();
                    return;
                }
            }
            values[i] += value;
        }

        private void grow() {
            int[] k = keys;
            long[] v = values;
            boolean[] u = used;
            keys = new int[k.length * 2];
            values = new long[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    add(k[i], v[i]);
                }
            }
        }

        WeightedStacks toWeightedStacks(StackTable stacks, String unit) {
            int[] s = new int[size];
            long[] w = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && values[i] != 0) {
                    s[n] = keys[i];
                    w[n++] = values[i];
                }
            }
            return new WeightedStacks(stacks, java.util.Arrays.copyOf(s, n), java.util.Arrays.copyOf(w, n), unit).merged();
        }
    }
}
