package dev.goroscope.model.series;

import dev.goroscope.model.goroutine.GoroutineState;
import java.util.List;

/**
 * How many goroutines were in each state at each tick of a {@code scheddetail=1} log, counted from its G lines.
 * Waiting goroutines are also counted by wait reason. Dead goroutines (kept by the runtime for reuse) are counted
 * apart and are in no state.
 *
 * @param byState      {@code byState[state.ordinal()][tick]}
 * @param waitReasons  the wait reasons met, in order of first appearance
 * @param byWaitReason {@code byWaitReason[reason index][tick]}: waiting goroutines with that reason
 * @param dead         dead goroutines per tick
 */
public record GoroutineCounts(int[][] byState, List<String> waitReasons, int[][] byWaitReason, int[] dead) {
    public GoroutineCounts {
        waitReasons = List.copyOf(waitReasons);
        if (byState.length != GoroutineState.values().length || byWaitReason.length != waitReasons.size()) {
            throw new IllegalArgumentException("one row per state and one per wait reason expected");
        }
        for (int[] row : byState) {
            checkLength(row, dead.length);
        }
        for (int[] row : byWaitReason) {
            checkLength(row, dead.length);
        }
    }

    public int ticks() {
        return dead.length;
    }

    public int count(GoroutineState state, int tick) {
        return byState[state.ordinal()][tick];
    }

    /** Waiting goroutines with {@code reason} at {@code tick}; 0 for a reason never met. */
    public int waiting(String reason, int tick) {
        int r = waitReasons.indexOf(reason);
        return r < 0 ? 0 : byWaitReason[r][tick];
    }

    /** Every G line of a tick: goroutines in any state plus dead ones. */
    public int listed(int tick) {
        int n = dead[tick];
        for (int[] row : byState) {
            n += row[tick];
        }
        return n;
    }

    private static void checkLength(int[] row, int ticks) {
        if (row.length != ticks) {
            throw new IllegalArgumentException("row of " + row.length + " for " + ticks + " ticks");
        }
    }
}
