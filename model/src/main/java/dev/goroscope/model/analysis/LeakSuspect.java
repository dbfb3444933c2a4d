package dev.goroscope.model.analysis;

/**
 * One ranked finding: a rule fired for some goroutines.
 *
 * @param rule          the rule
 * @param count         goroutines (or, for {@link LeakRule#TIME_AFTER_LOOP}, live timers) concerned
 * @param entryFunction see {@link StackFacts}
 * @param leafFunction  see {@link StackFacts}
 * @param waitReason    the status word of the goroutines, or "" when unknown
 * @param evidence      what the user is shown as proof, e.g. "4 goroutines in chan send for 12-37 minutes"
 * @param group         the group in the analysed dump's {@link GoroutineGroups}, or -1 (series, profiles)
 */
public record LeakSuspect(LeakRule rule, long count, String entryFunction, String leafFunction, String waitReason,
        String evidence, int group) {
}
