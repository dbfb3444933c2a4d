package dev.goroscope.importers.support;

import java.util.Arrays;

/**
 * A growing column of non-negative weights that may turn out to have fractions (flamegraph.pl accepts
 * {@code a;b 2.5}). Weights are stored as whole numbers until the first one with a fraction; from then on every
 * weight of the column, earlier ones included, is kept in thousandths (three decimals, the fourth rounded) and the
 * unit becomes {@link #scaledUnit(String)}. Integer-only files, the usual case, keep their exact counts.
 */
public final class WeightColumn {
    /** Thousandths per unit once a column is scaled. */
    public static final int SCALE = 1000;

    private long[] values = new long[1024];
    private int size;
    private boolean scaled;

    /**
     * Appends {@code whole + thousandths / 1000}.
     *
     * @throws ArithmeticException when the scaled value does not fit in a long
     */
    public void add(long whole, int thousandths) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        if (thousandths != 0) {
            scale();
        }
        values[size++] = scaled ? Math.addExact(Math.multiplyExact(whole, SCALE), thousandths) : whole;
    }

    /**
     * Appends a non-negative, finite {@code value}, rounded to thousandths.
     *
     * @throws ArithmeticException when the value in thousandths does not fit in a long
     */
    public void add(double value) {
        if (value * SCALE >= Long.MAX_VALUE) {
            throw new ArithmeticException("weight " + value + " too large");
        }
        long thousandths = Math.round(value * SCALE);
        add(thousandths / SCALE, (int) (thousandths % SCALE));
    }

    /**
     * Keeps the column in thousandths from now on (so that two columns compared with each other share a unit).
     *
     * @throws ArithmeticException when a scaled value does not fit in a long
     */
    public void scale() {
        if (!scaled) {
            for (int i = 0; i < size; i++) {
                values[i] = Math.multiplyExact(values[i], SCALE);
            }
            scaled = true;
        }
    }

    /** Whether the weights are thousandths of the unit. */
    public boolean scaled() {
        return scaled;
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The unit of a scaled column: "millicount" for "count", "millibytes" for "bytes". */
    public static String scaledUnit(String unit) {
        return "milli" + unit;
    }
}
