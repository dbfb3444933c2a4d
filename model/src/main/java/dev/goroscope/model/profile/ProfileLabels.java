package dev.goroscope.model.profile;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The label operations of {@link Profile}: filtering samples by label and label pseudo-frames. */
final class ProfileLabels {
    /** The pseudo-frame value of a sample that lacks the grouping key. */
    static final String NONE = "(none)";

    private ProfileLabels() {
    }

    static List<String> keys(List<LabelSet> sets) {
        Set<String> keys = new LinkedHashSet<>();
        for (LabelSet set : sets) {
            for (Label l : set.labels()) {
                keys.add(l.key());
            }
        }
        return List.copyOf(keys);
    }

    static Profile filter(Profile p, Predicate<LabelSet> keep) {
        List<LabelSet> sets = p.labelSets();
        boolean[] kept = new boolean[sets.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = keep.test(sets.get(i));
        }
        int[] labels = p.sampleLabels();
        int n = 0;
        for (int l : labels) {
            if (kept[l]) {
                n++;
            }
        }
        int[] stack = new int[n];
        int[] label = new int[n];
        long[][] values = new long[p.sampleTypes().size()][n];
        int k = 0;
        for (int s = 0; s < labels.length; s++) {
            if (kept[labels[s]]) {
                stack[k] = p.sampleStack()[s];
                label[k] = labels[s];
                for (int t = 0; t < values.length; t++) {
                    values[t][k] = p.values()[t][s];
                }
                k++;
            }
        }
        return new Profile(p.kind(), p.sampleTypes(), p.defaultSampleType(), p.stacks(), stack, values, label, sets,
                p.meta(), p.name());
    }

    static WeightedStacks groupByLabels(Profile p, int type, List<String> keys) {
        StackTable table = p.stacks().copy();
        FrameTable frames = table.frames();
        List<LabelSet> sets = p.labelSets();
        int[] prefix = new int[sets.size()];
        for (int i = 0; i < prefix.length; i++) {
            int s = StackTable.EMPTY;
            for (String key : keys) {
                List<String> values = sets.get(i).values(key);
                String value = values.isEmpty() ? NONE : String.join(",", values);
                s = table.push(s, frames.intern(key + "=" + value, "", 0));
            }
            prefix[i] = s;
        }
        int[] sampleStack = p.sampleStack();
        int[] out = new int[sampleStack.length];
        Map<Long, Integer> made = new HashMap<>();
        int[] buf = new int[64];
        for (int s = 0; s < out.length; s++) {
            int pre = prefix[p.sampleLabels()[s]];
            int old = sampleStack[s];
            long key = ((long) (pre + 1) << 32) | (old + 1L);
            Integer done = made.get(key);
            if (done == null) {
                int depth = table.depth(old);
                buf = table.framesRootFirst(old, buf);
                int stack = pre;
                for (int i = 0; i < depth; i++) {
                    stack = table.push(stack, buf[i]);
                }
                done = stack;
                made.put(key, done);
            }
            out[s] = done;
        }
        return new WeightedStacks(table, out, Arrays.copyOf(p.values()[type], out.length),
                p.sampleTypes().get(type).unit());
    }

    /** Label sets as a table of distinct sets, for building profiles. */
    static final class SetTable {
        private final List<LabelSet> sets = new ArrayList<>();
        private final Map<LabelSet, Integer> ids = new HashMap<>();

        int intern(LabelSet set) {
            Integer id = ids.get(set);
            if (id == null) {
                id = sets.size();
                sets.add(set);
                ids.put(set, id);
            }
            return id;
        }

        List<LabelSet> sets() {
            return sets;
        }
    }
}
