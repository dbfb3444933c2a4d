package dev.goroscope.model.profile;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link Profile#merge}: re-interns every profile's stacks and labels into one table and adds up equal samples. */
final class ProfileMerger {
    private ProfileMerger() {
    }

    static Profile merge(List<Profile> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("no profile to merge");
        }
        Profile first = profiles.get(0);
        for (int i = 1; i < profiles.size(); i++) {
            Profile p = profiles.get(i);
            if (!p.sampleTypes().equals(first.sampleTypes())) {
                throw new IllegalArgumentException("cannot merge profiles with different sample types: profile 1 ("
                        + first.kind() + ") has " + first.sampleTypes() + ", profile " + (i + 1) + " (" + p.kind()
                        + ") has " + p.sampleTypes());
            }
        }
        StackTable table = new StackTable();
        ProfileLabels.SetTable labelSets = new ProfileLabels.SetTable();
        int types = first.sampleTypes().size();
        Map<Long, Integer> sampleOf = new HashMap<>();
        int[] stackOut = new int[16];
        int[] labelOut = new int[16];
        long[][] valuesOut = new long[types][16];
        int n = 0;
        for (Profile p : profiles) {
            int[] stackMap = mapStacks(p.stacks(), table);
            int[] labelMap = new int[p.labelSets().size()];
            for (int i = 0; i < labelMap.length; i++) {
                labelMap[i] = labelSets.intern(p.labelSets().get(i));
            }
            for (int s = 0; s < p.sampleCount(); s++) {
                int old = p.sampleStack()[s];
                int stack = old == StackTable.EMPTY ? StackTable.EMPTY : stackMap[old];
                int label = labelMap[p.sampleLabels()[s]];
                long key = ((long) (stack + 1) << 32) | label;
                Integer at = sampleOf.get(key);
                if (at == null) {
                    if (n == stackOut.length) {
                        stackOut = Arrays.copyOf(stackOut, n * 2);
                        labelOut = Arrays.copyOf(labelOut, n * 2);
                        for (int t = 0; t < types; t++) {
                            valuesOut[t] = Arrays.copyOf(valuesOut[t], n * 2);
                        }
                    }
                    at = n++;
                    sampleOf.put(key, at);
                    stackOut[at] = stack;
                    labelOut[at] = label;
                }
                for (int t = 0; t < types; t++) {
                    valuesOut[t][at] += p.values()[t][s];
                }
            }
        }
        long[][] values = new long[types][];
        for (int t = 0; t < types; t++) {
            values[t] = Arrays.copyOf(valuesOut[t], n);
        }
        if (labelSets.sets().isEmpty()) {
            labelSets.intern(LabelSet.EMPTY);
        }
        return new Profile(first.kind(), first.sampleTypes(), first.defaultSampleType(), table,
                Arrays.copyOf(stackOut, n), values, Arrays.copyOf(labelOut, n), labelSets.sets(), mergeMeta(profiles),
                first.name());
    }

    /** The id in {@code into} of every stack of {@code from}; parents come before children in a stack table. */
    private static int[] mapStacks(StackTable from, StackTable into) {
        FrameTable src = from.frames();
        FrameTable dst = into.frames();
        int[] frameMap = new int[src.size()];
        for (int f = 0; f < frameMap.length; f++) {
            frameMap[f] = dst.intern(src.functionName(f), src.fileName(f), src.line(f));
        }
        int[] stackMap = new int[from.size()];
        for (int s = 0; s < stackMap.length; s++) {
            int parent = from.parent(s);
            stackMap[s] = into.push(parent == StackTable.EMPTY ? StackTable.EMPTY : stackMap[parent],
                    frameMap[from.frame(s)]);
        }
        return stackMap;
    }

    private static ProfileMeta mergeMeta(List<Profile> profiles) {
        ProfileMeta first = profiles.get(0).meta();
        long period = 0;
        long time = 0;
        long duration = 0;
        Set<String> comments = new LinkedHashSet<>();
        for (Profile p : profiles) {
            ProfileMeta m = p.meta();
            period = Math.max(period, m.period());
            if (m.timeNanos() != 0 && (time == 0 || m.timeNanos() < time)) {
                time = m.timeNanos();
            }
            duration += m.durationNanos();
            comments.addAll(m.comments());
        }
        return new ProfileMeta(first.periodType(), period, time, duration, first.dropFrames(), first.keepFrames(),
                new ArrayList<>(comments), first.docUrl());
    }
}
