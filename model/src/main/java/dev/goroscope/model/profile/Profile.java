package dev.goroscope.model.profile;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;

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
 */
public record Profile(String kind, List<SampleType> sampleTypes, int defaultSampleType, StackTable stacks,
        int[] sampleStack, long[][] values) {
    public Profile {
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
