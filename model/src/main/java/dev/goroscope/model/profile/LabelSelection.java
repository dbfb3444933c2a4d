package dev.goroscope.model.profile;

import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which samples of a profile to show by their pprof labels, and which label keys to group stacks by: what the
 * CLI's {@code --tag-focus}/{@code --tag-group} and the flame graph's label controls both choose. A sample is kept
 * when, for every key of the focus, one of its labels has one of that key's values (pprof's {@code -tagfocus}
 * rule: values of one key are alternatives, keys must all match).
 *
 * @param focus     values to keep per label key, in the order given; empty keeps every sample
 * @param groupKeys keys whose {@code key=value} pseudo-frame goes at the root of each stack, first outermost
 */
public record LabelSelection(Map<String, Set<String>> focus, List<String> groupKeys) {
    /** Keeps every sample and groups by nothing. */
    public static final LabelSelection NONE = new LabelSelection(Map.of(), List.of());

    public LabelSelection {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        focus.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, Set.copyOf(new LinkedHashSet<>(v)));
            }
        });
        focus = java.util.Collections.unmodifiableMap(copy);
        groupKeys = List.copyOf(groupKeys);
    }

    /**
     * The selection of {@code KEY=VALUE} focus arguments and group keys, as the command line gives them.
     *
     * @throws IllegalArgumentException naming the argument that has no "=" or no key
     */
    public static LabelSelection parse(List<String> focusArgs, List<String> groupKeys) {
        Map<String, Set<String>> focus = new LinkedHashMap<>();
        for (String arg : focusArgs) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a label filter is KEY=VALUE, not '" + arg + "'");
            }
            focus.computeIfAbsent(arg.substring(0, eq), k -> new LinkedHashSet<>()).add(arg.substring(eq + 1));
        }
        return new LabelSelection(focus, groupKeys);
    }

    public boolean isNone() {
        return focus.isEmpty() && groupKeys.isEmpty();
    }

    /** Whether a sample with {@code labels} is kept. */
    public boolean keeps(LabelSet labels) {
        for (Map.Entry<String, Set<String>> e : focus.entrySet()) {
            boolean any = false;
            for (String value : e.getValue()) {
                if (labels.has(e.getKey(), value)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The samples of {@code p} this selection keeps; {@code p} itself when the focus is empty. */
    public Profile filter(Profile p) {
        return focus.isEmpty() ? p : p.filterSamples(this::keeps);
    }

    /** The kept samples weighted by value column {@code type}, under the group keys' pseudo-frames if any. */
    public WeightedStacks stacks(Profile p, int type) {
        Profile kept = filter(p);
        return groupKeys.isEmpty() ? kept.weightedStacks(type) : kept.weightedStacksByLabels(type, groupKeys);
    }

    /** The focus as {@code KEY=VALUE} texts, keys in order, e.g. for a chip or a title. */
    public List<String> focusTexts() {
        List<String> out = new ArrayList<>();
        focus.forEach((k, vs) -> vs.stream().sorted().forEach(v -> out.add(k + "=" + v)));
        return out;
    }
}
