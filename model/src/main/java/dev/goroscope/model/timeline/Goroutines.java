package dev.goroscope.model.timeline;

import java.util.Arrays;

/**
 * Every goroutine a trace mentions, as columns indexed by a dense goroutine index (order of first appearance).
 * A goroutine already running when the trace started has no creation time ({@link #UNKNOWN}) and no creator.
 */
public final class Goroutines {
    /** Time or id not known (before the trace started). */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final long[] id;
    private final long[] createdNs;
    private final int[] startStack;
    private final long[] creatorId;
    private final int[] creatorStack;
    private final long[] endedNs;
    private final StateLane[] lanes;
    private final int[] byId;

    Goroutines(long[] id, long[] createdNs, int[] startStack, long[] creatorId, int[] creatorStack, long[] endedNs,
            StateLane[] lanes) {
        this.id = id;
        this.createdNs = createdNs;
        this.startStack = startStack;
        this.creatorId = creatorId;
        this.creatorStack = creatorStack;
        this.endedNs = endedNs;
        this.lanes = lanes;
        Integer[] order = new Integer[id.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : id[a] != id[b] ? Long.compare(id[a], id[b]) : Integer.compare(a, b));
        this.byId = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            byId[i] = order[i];
        }
    }

    public int size() {
        return id.length;
    }

    /** The Go goroutine id (goid). */
    public long id(int g) {
        return id[g];
    }

    /** When the goroutine was created, or {@link #UNKNOWN} if it existed when the trace started. */
    public long createdNs(int g) {
        return createdNs[g];
    }

    /** The stack the goroutine started with (its entry function), or {@code StackTable.EMPTY}. */
    public int startStack(int g) {
        return startStack[g];
    }

    /** The goroutine id of the creator, or {@link #UNKNOWN}; 0 when the runtime created it outside a goroutine. */
    public long creatorId(int g) {
        return creatorId[g];
    }

    /** Where the {@code go} statement that created it was (the creator's stack), or {@code StackTable.EMPTY}. */
    public int creatorStack(int g) {
        return creatorStack[g];
    }

    /** When it ended, or {@link #UNKNOWN} if it was still alive at the end of the trace. */
    public long endedNs(int g) {
        return endedNs[g];
    }

    public StateLane lane(int g) {
        return lanes[g];
    }

    /**
     * Who ended goroutine {@code g}'s interval {@code i} by unblocking it: the index of the goroutine that did, or
     * {@link StateLane#BY_RUNTIME}, or {@link StateLane#NO_CAUSE} when the interval did not end that way (or is the
     * last). The unblocking happened at the interval's end.
     */
    public int unblockerOf(int g, int i) {
        StateLane lane = lanes[g];
        return i + 1 < lane.size() ? lane.cause(i + 1) : StateLane.NO_CAUSE;
    }

    /** The index of the last goroutine with Go id {@code goid} (ids are not reused by the runtime), or -1. */
    public int indexOf(long goid) {
        int lo = 0;
        int hi = byId.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = id[byId[mid]];
            if (v < goid) {
                lo = mid + 1;
            } else if (v > goid) {
                hi = mid - 1;
            } else {
                found = byId[mid];
                lo = mid + 1;
            }
        }
        return found;
    }
}
