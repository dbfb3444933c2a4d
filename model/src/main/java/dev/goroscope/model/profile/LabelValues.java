package dev.goroscope.model.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values each label key takes in a profile, with the weight of the samples carrying each, for choosers. */
public final class LabelValues {
    /**
     * One {@code key=value} and the sum of one value column over the samples that carry it.
     *
     * @param key    the label key
     * @param value  the value as {@link Label#valueText()} shows it
     * @param weight the samples' total
     */
    public record Value(String key, String value, long weight) {
        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    private LabelValues() {
    }

    /** Per key (in {@link Profile#labelKeys()} order), its values, heaviest first, ties by value. */
    public static Map<String, List<Value>> of(Profile p, int type) {
        long[] weightOfSet = new long[p.labelSets().size()];
        long[] values = p.values()[type];
        for (int s = 0; s < p.sampleCount(); s++) {
            weightOfSet[p.sampleLabels()[s]] += values[s];
        }
        Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
        for (String key : p.labelKeys()) {
            sums.put(key, new HashMap<>());
        }
        for (int i = 0; i < weightOfSet.length; i++) {
            for (Label l : p.labelSets().get(i).labels()) {
                sums.get(l.key()).merge(l.valueText(), weightOfSet[i], Long::sum);
            }
        }
        Map<String, List<Value>> out = new LinkedHashMap<>();
        sums.forEach((key, byValue) -> {
            List<Value> list = new ArrayList<>();
            byValue.forEach((v, w) -> list.add(new Value(key, v, w)));
            list.sort(Comparator.comparingLong(Value::weight).reversed().thenComparing(Value::value));
            out.put(key, List.copyOf(list));
        });
        return out;
    }
}
