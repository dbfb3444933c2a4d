package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineState;

/**
 * One row of the groups table: goroutines with alike stacks, one state, one wait reason and one creator.
 *
 * @param index           the group's index in its {@link GoroutineGroups}
 * @param count           goroutines in the group
 * @param state           their state
 * @param waitReason      their wait reason, or null
 * @param entryFunction   see {@link StackFacts}
 * @param leafFunction    see {@link StackFacts}
 * @param createdBy       the function of the {@code created by} line, or null (e.g. goroutine 1)
 * @param createdByLine   "file:line" of the creating call, or null
 * @param stack           the stack id of the group's first goroutine (the one shown)
 * @param minWaitMinutes  fewest minutes blocked among them
 * @param maxWaitMinutes  most minutes blocked among them
 * @param waitHistogram   goroutines per {@link WaitHistogram} bucket
 * @param lockedToThread  how many are locked to their OS thread
 * @param leaked          how many the goroutineleak profile (debug=2) marked {@code (leaked)}
 * @param stdlibOnly      whether the stack has no frame of the user's own code
 */
public record GoroutineGroup(int index, int count, GoroutineState state, String waitReason, String entryFunction,
        String leafFunction, String createdBy, String createdByLine, int stack, int minWaitMinutes,
        int maxWaitMinutes, int[] waitHistogram, int lockedToThread, int leaked, boolean stdlibOnly) {

    /** The state as a dump header shows it: the wait reason when there is one, else the state's label. */
    public String stateLabel() {
        return waitReason != null ? waitReason : state.label();
    }
}
