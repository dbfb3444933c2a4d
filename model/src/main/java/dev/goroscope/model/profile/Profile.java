package dev.goroscope.model.profile;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A sampled profile: each sample is a stack with one value per {@link SampleType} and a set of labels. Values are
 * stored per type: {@code values[t][s]} is sample {@code s}'s value of type {@code t}. Labels are stored once per
 * distinct set: sample {@code s} has the labels {@code labelSets.get(sampleLabels[s])}.
 *
 * @param kind              what the profile is of: "goroutine", "cpu", "heap", "allocs", "block", "mutex", …
 * @param sampleTypes       the value columns
 * @param defaultSampleType index into {@code sampleTypes} that views show first
 * @param stacks            the table the sample stacks refer to
 * @param sampleStack       stack id per sample
 * @param values            values per type, then per sample
 * @param sampleLabels      index into {@code labelSets} per sample
 * @param labelSets         the distinct label sets
 * @param meta              period, time, duration, comments and the like
 * @param name              what the user knows this profile by among several of one file (a speedscope profile's
 *                          name, a trace's thread), or {@code kind} when the file holds just one
 */
public record Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
        int[] sampleStack, long[][] values, int[] sampleLabels, List<LabelSet> labelSets, ProfileMeta meta,
        String name) {
    public Profile {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(meta);
        Objects.requireNonNull(name);
        sampleTypes = List.copyOf(sampleTypes);
        labelSets = List.copyOf(labelSets);
        if (values.length != sampleTypes.size()) {
            throw new IllegalArgumentException(values.length + " value columns for " + sampleTypes.size() + " types");
        }
        for (long[] v : values) {
            if (v.length != sampleStack.length) {
                throw new IllegalArgumentException("value column of " + v.length + " for " + sampleStack.length + " samples");
            }
        }
        if (defaultSampleType < 0 || defaultSampleType >= sampleTypes.size()) {
            throw new IllegalArgumentException("default sample type " + defaultSampleType);
        }
        if (sampleLabels.length != sampleStack.length) {
            throw new IllegalArgumentException(sampleLabels.length + " label indexes for " + sampleStack.length + " samples");
        }
        for (int l : sampleLabels) {
            if (l < 0 || l >= labelSets.size()) {
                throw new IllegalArgumentException("label set " + l + " of " + labelSets.size());
            }
        }
    }

    /** A profile without labels or metadata, named after its kind: the only one of its file. */
    public Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
            int[] sampleStack, long[][] values) {
        this(kind, sampleTypes, defaultSampleType, stacks, sampleStack, values, kind);
    }

    /** A named profile without labels or metadata: one of several in a file. */
    public Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
            int[] sampleStack, long[][] values, String name) {
        this(kind, sampleTypes, defaultSampleType, stacks, sampleStack, values, new int[sampleStack.length],
                List.of(LabelSet.EMPTY), ProfileMeta.NONE, name);
    }

    /** A profile with labels and metadata, named after its kind. */
    public Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
            int[] sampleStack, long[][] values, int[] sampleLabels, List<LabelSet> labelSets, ProfileMeta meta) {
        this(kind, sampleTypes, defaultSampleType, stacks, sampleStack, values, sampleLabels, labelSets, meta, kind);
    }

    public int sampleCount() {
        return sampleStack.length;
    }

    /** The index of the sample type named {@code type} (e.g. "alloc_space"), or -1. */
    public int sampleTypeIndex(String type) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** Sum of one value column over all samples. */
    public long total(int type) {
        long t = 0;
        for (long v : values[type]) {
            t += v;
        }
        return t;
    }

    /** The labels of sample {@code s}. */
    public LabelSet labels(int sample) {
        return labelSets.get(sampleLabels[sample]);
    }

    /** Every label key some sample has, in order of first appearance in {@link #labelSets()}. */
    public List<String> labelKeys() {
        return ProfileLabels.keys(labelSets);
    }

    /** The samples weighted by one value column. */
    public WeightedStacks weightedStacks(int type) {
        return new WeightedStacks(stacks, sampleStack, values[type], sampleTypes.get(type).unit());
    }

    /**
     * The samples whose label set {@code keep} accepts, everything else unchanged (pprof's {@code -tagfocus} and
     * {@code -tagignore} are such filters).
     */
    public Profile filterSamples(Predicate<LabelSet> keep) {
        return ProfileLabels.filter(this, keep);
    }

    /** The samples that have a label {@code key} with value {@code value} ({@code --tag-focus key=value}). */
    public Profile withLabel(String key, String value) {
        return filterSamples(set -> set.has(key, value));
    }

    /**
     * The samples weighted by one value column with a pseudo-frame {@code key=value} as outermost frame of each
     * stack for every key in {@code keys}, the first key outermost (pprof's {@code -tagroot}), so a flame graph
     * groups by label first. Several values of one key are joined with ","; a sample without the key gets
     * {@code key=(none)}. The stacks live in a new table; this profile is not changed.
     */
    public WeightedStacks weightedStacksByLabels(int type, List<String> keys) {
        return ProfileLabels.groupByLabels(this, type, keys);
    }

    /**
     * Merges profiles of one kind taken at different times or from different processes: the samples of all, with
     * the values of samples with the same stack and labels added up. The sample types must be equal, in order.
     * Kind and default sample type come from the first profile, the period is the largest, durations add up, the
     * time is the earliest known one.
     *
     * @throws IllegalArgumentException when the list is empty or the sample types differ
     */
    public static Profile merge(List<Profile> profiles) {
        return ProfileMerger.merge(profiles);
    }
}
