package dev.goroscope.app.leaks;

import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.GroupingOptions.ArgumentMatch;
import dev.goroscope.model.analysis.GroupingOptions.StackMatch;

/** The choices of the groups view's similarity selector, each a {@link GroupingOptions} without a frame limit. */
enum Similarity {
    EXACT("Exact lines and arguments", StackMatch.LINES, ArgumentMatch.EXACT),
    IGNORE_POINTERS("Exact lines, ignore pointer args", StackMatch.LINES, ArgumentMatch.IGNORE_POINTERS),
    LINES("Exact lines", StackMatch.LINES, ArgumentMatch.ANY),
    FUNCTIONS("Same functions", StackMatch.FUNCTIONS, ArgumentMatch.ANY);

    private final String label;
    private final StackMatch stacks;
    private final ArgumentMatch arguments;

    Similarity(String label, StackMatch stacks, ArgumentMatch arguments) {
        this.label = label;
        this.stacks = stacks;
        this.arguments = arguments;
    }

    /** The options of this choice comparing only the innermost {@code topFrames} frames (0 for all). */
    GroupingOptions options(int topFrames) {
        return new GroupingOptions(stacks, arguments, topFrames);
    }

    @Override
    public String toString() {
        return label;
    }
}
