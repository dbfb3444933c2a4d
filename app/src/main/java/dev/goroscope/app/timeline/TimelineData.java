package dev.goroscope.app.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.timeline.GroupSummary;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.LaneLod;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Timeline} with what the view derives from it lazily: the level-of-detail index of each lane (built the
 * first time the lane is drawn), the group name of each goroutine (its start function), and per-goroutine time per
 * {@link SpanKind} (built the first time a filter needs it). No JavaFX.
 */
public final class TimelineData {
    static final int SUMMARY_BINS = 4096;
    private final Timeline timeline;
    private final byte[] reasonKinds;
    private final LaneLod[] goroutineLods;
    private final LaneLod[] procLods;
    private final LaneLod[] threadLods;
    private final String[] groupName;
    private final String[] creatorName;
    private final Map<String, GroupSummary> summaries = new HashMap<>();
    private long[][] timeByKind;

    public TimelineData(Timeline timeline) {
        this.timeline = timeline;
        this.reasonKinds = SpanKind.reasonKinds(timeline.strings());
        Goroutines gs = timeline.goroutines();
        this.goroutineLods = new LaneLod[gs.size()];
        this.procLods = new LaneLod[timeline.procCount()];
        this.threadLods = new LaneLod[timeline.threadCount()];
        this.groupName = new String[gs.size()];
        this.creatorName = new String[gs.size()];
        FrameTable frames = timeline.stacks().frames();
        for (int g = 0; g < groupName.length; g++) {
            int stack = gs.startStack(g);
            groupName[g] = stack == StackTable.EMPTY ? "(started before the trace)"
                    : frames.functionName(timeline.stacks().frame(stack));
            int creator = gs.creatorStack(g);
            creatorName[g] = creator != StackTable.EMPTY
                    ? "created by " + frames.functionName(timeline.stacks().frame(creator))
                    : gs.createdNs(g) == Goroutines.UNKNOWN ? "(created before the trace)" : "(created by the runtime)";
        }
    }

    /** "created by" and the function whose {@code go} statement created goroutine {@code g}, or a placeholder. */
    public String creatorName(int g) {
        return creatorName[g];
    }

    /**
     * The state mix over time of the goroutines {@code members}, remembered under {@code key} (built on first use,
     * {@value #SUMMARY_BINS} bins over the trace).
     */
    public GroupSummary groupSummary(String key, int[] members) {
        return summaries.computeIfAbsent(key, k -> {
            LaneLod[] lods = new LaneLod[members.length];
            for (int i = 0; i < lods.length; i++) {
                lods[i] = goroutineLod(members[i]);
            }
            return GroupSummary.of(lods, timeline.startNs(), timeline.endNs(), SUMMARY_BINS);
        });
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The goroutine's start function, or a placeholder for goroutines found running when tracing began. */
    public String groupName(int g) {
        return groupName[g];
    }

    public LaneLod goroutineLod(int g) {
        LaneLod lod = goroutineLods[g];
        if (lod == null) {
            StateLane lane = timeline.goroutines().lane(g);
            lod = new LaneLod(lane, SpanKind.ofGoroutineLane(lane, reasonKinds));
            goroutineLods[g] = lod;
        }
        return lod;
    }

    public LaneLod procLod(int p) {
        LaneLod lod = procLods[p];
        if (lod == null) {
            lod = new LaneLod(timeline.procLane(p), SpanKind.ofSchedulerLane(timeline.procLane(p)));
            procLods[p] = lod;
        }
        return lod;
    }

    public LaneLod threadLod(int m) {
        LaneLod lod = threadLods[m];
        if (lod == null) {
            lod = new LaneLod(timeline.threadLane(m), SpanKind.ofSchedulerLane(timeline.threadLane(m)));
            threadLods[m] = lod;
        }
        return lod;
    }

    /** The span kind of goroutine lane interval {@code i}. */
    public int goroutineKind(int g, int i) {
        StateLane lane = timeline.goroutines().lane(g);
        int r = lane.detail(i);
        if (lane.stateOrdinal(i) == GoroutineState.WAITING.ordinal() && r >= 0 && r < reasonKinds.length) {
            return reasonKinds[r];
        }
        return SpanKind.ofState(lane.stateOrdinal(i));
    }

    /** Nanoseconds goroutine {@code g} spent in each {@link SpanKind} over the whole trace. */
    public long[] timeByKind(int g) {
        if (timeByKind == null) {
            long[][] all = new long[goroutineLods.length][];
            for (int i = 0; i < all.length; i++) {
                all[i] = timeByKind(i, Long.MIN_VALUE, Long.MAX_VALUE);
            }
            timeByKind = all;
        }
        return timeByKind[g];
    }

    /** Nanoseconds goroutine {@code g} spent in each {@link SpanKind} within {@code [from, to)}. */
    public long[] timeByKind(int g, long from, long to) {
        long[] out = new long[SpanKind.COUNT];
        StateLane lane = timeline.goroutines().lane(g);
        for (int i = lane.firstEndingAfter(from); i < lane.size() && lane.start(i) < to; i++) {
            out[goroutineKind(g, i)] += Math.min(lane.end(i), to) - Math.max(lane.start(i), from);
        }
        return out;
    }

    /** Total time waiting (any reason) of goroutine {@code g}. */
    public long blockedNs(int g) {
        long[] t = timeByKind(g);
        long sum = 0;
        for (int k = SpanKind.CHAN; k <= SpanKind.WAITING; k++) {
            sum += t[k];
        }
        return sum;
    }
}
