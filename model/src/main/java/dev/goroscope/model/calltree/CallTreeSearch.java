package dev.goroscope.model.calltree;

import java.util.regex.Pattern;

/**
 * Which nodes of a call tree match a search, and how much weight they account for. Weight is counted once per
 * stack: a match inside a matched node's subtree adds nothing more.
 *
 * @param matched        per node, whether its function name matched
 * @param matchedWeight  weight of the stacks through a match, within {@code within}'s subtree
 * @param withinWeight   total weight of {@code within}'s subtree
 */
public record CallTreeSearch(boolean[] matched, long matchedWeight, long withinWeight) {

    /** Searches {@code tree} for function names in which {@code pattern} finds a match, counting under {@code within}. */
    public static CallTreeSearch run(CallTree tree, Pattern pattern, int within) {
        var names = tree.frames().strings();
        boolean[] nameMatches = new boolean[names.size()];
        var m = pattern.matcher("");
        for (int i = 0; i < nameMatches.length; i++) {
            nameMatches[i] = m.reset(names.get(i)).find();
        }
        boolean[] matched = new boolean[tree.size()];
        for (int n = 1; n < tree.size(); n++) {
            matched[n] = nameMatches[tree.function(n)];
        }
        long weight = 0;
        int end = tree.subtreeEnd(within);
        for (int n = within; n < end; ) {
            if (matched[n]) {
                weight += tree.total(n);
                n = tree.subtreeEnd(n);
            } else {
                n++;
            }
        }
        return new CallTreeSearch(matched, weight, tree.total(within));
    }

    /** Matched share of the weight in percent, 0 when there is no weight. */
    public double percent() {
        return withinWeight == 0 ? 0 : 100.0 * matchedWeight / withinWeight;
    }
}
