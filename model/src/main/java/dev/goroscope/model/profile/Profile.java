package dev.goroscope.model.profile;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import java.util.Objects;

/**
 * A sampled profile: each sample is a stack with one value per {@link SampleType}. Values are stored per type:
 * {@code values[t][s]} is sample {@code s}'s value of type {@code t}.
 *
 * @param kind              what the profile is of: "goroutine", "cpu", "heap", "block", "mutex", …
 * @param sampleTypes       the value columns
 * @param defaultSampleType index into {@code sampleTypes} that views show first
 * @param stacks            the table the sample stacks refer to
 * @param sampleStack       stack id per sample
 * @param values            values per type, then per sample
 * @param name              what the user knows this profile by among several of one file (a speedscope profile's
 *                          name, a trace's thread), or {@code kind} when the file holds just one
 */
public record Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
        int[] sampleStack, long[][] values, String name) {
    public Profile {
        Objects.requireNonNull(name);
        sampleTypes = List.copyOf(sampleTypes);
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
    }

    /** A profile named after its kind: the only one of its file. */
    public Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
            int[] sampleStack, long[][] values) {
        this(kind, sampleTypes, defaultSampleType, stacks, sampleStack, values, kind);
    }

    public int sampleCount() {
        return sampleStack.length;
    }

    /** Sum of one value column over all samples. */
    public long total(int type) {
        long t = 0;
        for (long v : values[type]) {
            t += v;
        }
        return t;
    }

    /** The samples weighted by one value column. */
    public WeightedStacks weightedStacks(int type) {
        return new WeightedStacks(stacks, sampleStack, values[type], sampleTypes.get(type).unit());
    }
}
