package dev.goroscope.model.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels of one sample, in {@link Label#ORDER}, so two samples with the same labels have equal sets. A
 * profile stores each distinct set once and gives each sample an index into that table.
 */
public record LabelSet(List<Label> labels) {
    /** The set with no label. */
    public static final LabelSet EMPTY = new LabelSet(List.of());

    public LabelSet {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Label.ORDER);
        labels = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The values of {@code key} as text, in order; empty when the sample has no such label. */
    public List<String> values(String key) {
        List<String> out = new ArrayList<>(1);
        for (Label l : labels) {
            if (l.key().equals(key)) {
                out.add(l.valueText());
            }
        }
        return out;
    }

    /** Whether some label of {@code key} has the value {@code value} (see {@link Label#matches}). */
    public boolean has(String key, String value) {
        for (Label l : labels) {
            if (l.key().equals(key) && l.matches(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some label has the key {@code key}. */
    public boolean hasKey(String key) {
        for (Label l : labels) {
            if (l.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return labels.toString();
    }
}
