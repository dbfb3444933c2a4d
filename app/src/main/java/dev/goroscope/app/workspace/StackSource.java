package dev.goroscope.app.workspace;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.List;

/**
 * One set of weighted stacks a dataset can show as a flame graph: the dump's goroutines, or one sample type of
 * one profile.
 *
 * @param label    as the sample type chooser shows it
 * @param stacks   what the flame graph is built from
 * @param fromDump whether these are the dump's stack counts (the goroutine table applies)
 */
public record StackSource(String label, WeightedStacks stacks, boolean fromDump) {
    /** The dump first, then every profile (by name) with its default sample type first. */
    public static List<StackSource> of(Dataset d) {
        List<StackSource> out = new ArrayList<>();
        if (d.dump() != null) {
            out.add(new StackSource("goroutines", d.dump().stackCounts(), true));
        }
        for (Profile p : d.profiles()) {
            List<Integer> order = new ArrayList<>();
            order.add(p.defaultSampleType());
            for (int t = 0; t < p.sampleTypes().size(); t++) {
                if (t != p.defaultSampleType()) {
                    order.add(t);
                }
            }
            for (int t : order) {
                out.add(new StackSource(p.name() + ": " + p.sampleTypes().get(t), p.weightedStacks(t), false));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
