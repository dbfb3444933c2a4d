package dev.goroscope.model.analysis;

/**
 * How alike goroutines must be to share a group. They always share state, wait reason and creator; beyond that:
 *
 * @param stackMatch    {@link StackMatch#LINES}: the same frames at the same lines; {@link StackMatch#FUNCTIONS}:
 *                      the same functions, lines may differ (and so may the creator's line)
 * @param argumentMatch how argument words must agree (needs a dump that kept them; otherwise ignored): the
 *                      lists must have the same shape (word kinds, {@code ?} included), and a word printed with
 *                      {@code ?} is never compared by value (the runtime says it may be stale)
 * @param topFrames     compare only the innermost N frames (the creator is then not compared); 0 for all
 */
public record GroupingOptions(StackMatch stackMatch, ArgumentMatch argumentMatch, int topFrames) {
    /** Same lines, arguments ignored, whole stacks: the grouping most tools show first. */
    public static final GroupingOptions DEFAULT = new GroupingOptions(StackMatch.LINES, ArgumentMatch.ANY, 0);

    public GroupingOptions {
        if (topFrames < 0) {
            throw new IllegalArgumentException("topFrames " + topFrames);
        }
    }

    public enum StackMatch { LINES, FUNCTIONS }

    public enum ArgumentMatch {
        /** Arguments are not compared. */
        ANY,
        /** Exact words must be equal except heap pointers (see {@link Pointers#isPointer}). */
        IGNORE_POINTERS,
        /** Exact words must be equal, pointers included. */
        EXACT
    }

    public GroupingOptions withStackMatch(StackMatch m) {
        return new GroupingOptions(m, argumentMatch, topFrames);
    }

    public GroupingOptions withArgumentMatch(ArgumentMatch m) {
        return new GroupingOptions(stackMatch, m, topFrames);
    }

    public GroupingOptions withTopFrames(int n) {
        return new GroupingOptions(stackMatch, argumentMatch, n);
    }
}
