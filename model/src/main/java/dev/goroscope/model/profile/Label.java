package dev.goroscope.model.profile;

import java.util.Comparator;
import java.util.Objects;

/**
 * One label of a sample, as pprof has them: a key with either a string value ({@code handler=/api}) or a number
 * with an optional unit ({@code bytes=16384}, unit "bytes"). Go sets string labels from {@code pprof.Do} and the
 * numeric {@code bytes} label (allocation size) on heap samples.
 *
 * @param key  the label's name
 * @param str  the string value, or null for a numeric label
 * @param num  the numeric value (0 for a string label)
 * @param unit the numeric value's unit, "" when none or for a string label
 */
public record Label(String key, String str, long num, String unit) {
    /** Orders labels by key, then string labels before numeric ones, then by value. */
    public static final Comparator<Label> ORDER = Comparator.comparing(Label::key)
            .thenComparing(Label::isNumeric)
            .thenComparing(l -> l.str == null ? "" : l.str)
            .thenComparingLong(Label::num)
            .thenComparing(Label::unit);

    public Label {
        Objects.requireNonNull(key);
        Objects.requireNonNull(unit);
        if (str != null && (num != 0 || !unit.isEmpty())) {
            throw new IllegalArgumentException("label " + key + " has both a string and a number");
        }
    }

    public static Label of(String key, String value) {
        return new Label(key, Objects.requireNonNull(value), 0, "");
    }

    public static Label numeric(String key, long num, String unit) {
        return new Label(key, null, num, unit);
    }

    public boolean isNumeric() {
        return str == null;
    }

    /** The value as people read it: the string, or the number in its unit ({@code 16 KiB}, {@code 42}). */
    public String valueText() {
        if (str != null) {
            return str;
        }
        return unit.isEmpty() ? Long.toString(num) : Units.format(num, unit);
    }

    /** Whether {@code value} names this label's value: the string itself, or the number plain or as shown. */
    public boolean matches(String value) {
        return str != null ? str.equals(value) : Long.toString(num).equals(value) || valueText().equals(value);
    }

    @Override
    public String toString() {
        return key + "=" + valueText();
    }
}
