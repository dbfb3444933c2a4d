package dev.goroscope.app.workspace;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.LabelSelection;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.List;

/**
 * One set of weighted stacks a dataset can show as a flame graph: the dump's goroutines, or one sample type of
 * one profile.
 *
 * @param label      as the sample type chooser shows it
 * @param stacks     what the flame graph is built from when no label is chosen
 * @param fromDump   whether these are the dump's stack counts (the goroutine table applies)
 * @param profile    the profile the stacks come from, null for the dump
 * @param sampleType the profile's value column the stacks are weighted by
 */
public record StackSource(String label, WeightedStacks stacks, boolean fromDump, Profile profile, int sampleType) {
    /** The dump first, then every profile (by name) with its default sample type first. */
    public static List<StackSource> of(Dataset d) {
        List<StackSource> out = new ArrayList<>();
        if (d.dump() != null) {
            out.add(new StackSource("goroutines", d.dump().stackCounts(), true, null, -1));
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
                out.add(new StackSource(p.name() + ": " + p.sampleTypes().get(t), p.weightedStacks(t), false, p, t));
            }
        }
        return out;
    }

    /**
     * Which of {@code sources} (made from {@code d}) a tab shows first: for a trace of thread spans (Chrome trace)
     * the thread with the most span time, since the first thread is often a quiet one (GC in Go's own traces);
     * else the first.
     */
    public static int shownFirst(List<StackSource> sources, Dataset d) {
        if (d.timeline() == null || d.timeline().spanLanes().isEmpty()) {
            return 0;
        }
        int busiest = 0;
        for (int i = 1; i < sources.size(); i++) {
            if (sources.get(i).stacks().totalWeight() > sources.get(busiest).stacks().totalWeight()) {
                busiest = i;
            }
        }
        return busiest;
    }

    /** Whether the stacks come from a profile whose samples carry labels. */
    public boolean hasLabels() {
        return profile != null && !profile.labelKeys().isEmpty();
    }

    /** The stacks under a label selection: the samples it keeps, grouped by its keys, as the CLI's options do. */
    public WeightedStacks stacks(LabelSelection labels) {
        return labels.isNone() || profile == null ? stacks : labels.stacks(profile, sampleType);
    }

    @Override
    public String toString() {
        return label;
    }
}
