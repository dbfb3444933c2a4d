package dev.goroscope.app.cli;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.LabelSelection;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stacks a command works on: a dump's goroutines counted per stack, an execution trace's CPU samples, or one
 * value column of a file's first profile (the profile's default sample type unless the user names another).
 *
 * @param stacks     the weighted stacks
 * @param sampleType "type/unit" of the weights, e.g. {@code goroutine/count}, {@code cpu/nanoseconds}
 */
record StackChoice(WeightedStacks stacks, String sampleType) {
    /** What a goroutine dump counts, named as in a goroutine profile. */
    static final SampleType GOROUTINES = new SampleType("goroutine", "count");
    /** What an execution trace's CPU samples count. */
    static final SampleType CPU_SAMPLES = new SampleType("cpu", "samples");

    /**
     * Picks the stacks of {@code d}; {@code requested} (null for the default) names a sample type by its type
     * ({@code alloc_space}) or as {@code type/unit}.
     */
    static StackChoice of(Dataset d, String requested) throws CliException {
        return of(d, requested, List.of(), List.of());
    }

    /**
     * Like {@link #of(Dataset, String)}, keeping only a profile's samples with the labels of {@code tagFocus}
     * ({@code key=value}, see {@link #withLabels}) and putting a {@code key=value} root frame on each stack for every key of
     * {@code tagGroup}.
     */
    static StackChoice of(Dataset d, String requested, List<String> tagFocus, List<String> tagGroup)
            throws CliException {
        if ((!tagFocus.isEmpty() || !tagGroup.isEmpty()) && d.profiles().isEmpty()) {
            throw new CliException(d.source() + ": --tag-focus and --tag-group apply to pprof profiles with labels, not to a "
                    + d.format());
        }
        if (d.dump() != null) {
            if (requested != null && !names(GOROUTINES, requested)) {
                throw new CliException(d.source() + ": no sample type '" + requested + "' (a goroutine dump has "
                        + GOROUTINES + ")");
            }
            return new StackChoice(d.dump().stackCounts(), GOROUTINES.toString());
        }
        if (d.profiles().isEmpty() && d.timeline() != null) {
            if (requested != null && !names(CPU_SAMPLES, requested)) {
                throw new CliException(d.source() + ": no sample type '" + requested + "' (an execution trace has "
                        + CPU_SAMPLES + ")");
            }
            return new StackChoice(d.timeline().cpuSamples(), CPU_SAMPLES.toString());
        }
        if (d.profiles().isEmpty()) {
            throw new CliException(d.source() + ": holds no stacks (" + d.format() + ")");
        }
        Profile p = withLabels(d, tagFocus).profiles().get(0);
        int type = requested == null ? p.defaultSampleType() : find(d.source(), p.sampleTypes(), requested);
        SampleType st = p.sampleTypes().get(type);
        WeightedStacks ws = LabelSelection.parse(List.of(), tagGroup).stacks(p, type);
        if (countsGoroutines(st)) {
            ws = new WeightedStacks(ws.stacks(), ws.stack(), ws.weight(), "goroutines");
        }
        return new StackChoice(ws, st.toString());
    }

    /**
     * {@code d} with its first profile keeping only the samples that carry the {@code key=value} labels: one of
     * the values given for each key (see {@link LabelSelection}).
     */
    static Dataset withLabels(Dataset d, List<String> tagFocus) throws CliException {
        if (tagFocus.isEmpty()) {
            return d;
        }
        if (d.profiles().isEmpty()) {
            throw new CliException(d.source() + ": --tag-focus applies to pprof profiles with labels, not to a " + d.format());
        }
        LabelSelection focus;
        try {
            focus = LabelSelection.parse(tagFocus, List.of());
        } catch (IllegalArgumentException e) {
            throw new CliException("--tag-focus: " + e.getMessage());
        }
        Profile p = focus.filter(d.profiles().get(0));
        List<Profile> profiles = new java.util.ArrayList<>(d.profiles());
        profiles.set(0, p);
        return new Dataset(d.source(), d.format(), d.goVersion(), d.warnings(), d.dump(), profiles, d.schedTrace(),
                d.timeline());
    }

    /** Whether a value column counts goroutines: a goroutine profile's, or a goroutine leak profile's. */
    static boolean countsGoroutines(SampleType t) {
        return t.unit().equals("count") && (t.type().equals("goroutine") || t.type().equals("goroutineleak"));
    }

    private static int find(String file, List<SampleType> types, String requested) throws CliException {
        for (int i = 0; i < types.size(); i++) {
            if (names(types.get(i), requested)) {
                return i;
            }
        }
        throw new CliException(file + ": no sample type '" + requested + "' (it has "
                + types.stream().map(SampleType::toString).collect(Collectors.joining(", ")) + ")");
    }

    private static boolean names(SampleType t, String requested) {
        return requested.equals(t.type()) || requested.equals(t.toString());
    }
}
