package dev.goroscope.importers.speedscope;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.support.WeightColumn;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;
import java.util.List;

/**
 * A speedscope profile as read, before its frame indices are resolved: sampled stacks with their weights, or for
 * an evented profile the time spent in each stack. Weights stay in the file's unit until {@link #toProfile}.
 */
final class RawProfile {
    final String where;
    String name;
    String unit = "none";
    boolean sampled;
    boolean weighted;
    boolean evented;
    private int[] stacks = new int[256];
    private int sampleCount;
    private double[] weights = new double[256];
    private int weightCount;
    private double[] timeByStack = new double[256];

    RawProfile(String where, String name) {
        this.where = where;
        this.name = name;
    }

    void addSample(int stack) {
        if (sampleCount == stacks.length) {
            stacks = Arrays.copyOf(stacks, sampleCount * 2);
        }
        stacks[sampleCount++] = stack;
    }

    void addWeight(double w) {
        if (weightCount == weights.length) {
            weights = Arrays.copyOf(weights, weightCount * 2);
        }
        weights[weightCount++] = w;
    }

    /** Adds time spent with {@code stack} (a non-empty stack id) on top, for an evented profile. */
    void addTime(int stack, double time) {
        if (stack >= timeByStack.length) {
            timeByStack = Arrays.copyOf(timeByStack, Math.max(stack + 1, timeByStack.length * 2));
        }
        timeByStack[stack] += time;
    }

    /** Whether the profile has what its type needs. */
    void check(boolean eventedType, String file) throws ImportException {
        if (eventedType && !evented) {
            throw new ImportException(file, where, "evented profile \"" + name + "\" has no \"events\"");
        }
        if (!eventedType && !(sampled && weighted)) {
            throw new ImportException(file, where, "sampled profile \"" + name + "\" needs \"samples\" and \"weights\"");
        }
        if (!eventedType && sampleCount != weightCount) {
            throw new ImportException(file, where, "sampled profile \"" + name + "\" has " + sampleCount
                    + " samples but " + weightCount + " weights");
        }
        evented = eventedType;
    }

    static boolean knownUnit(String unit) {
        return nanosPer(unit) > 0 || unit.equals("none") || unit.equals("bytes");
    }

    /**
     * The profile over the final stack table: times in nanoseconds ({@code time/nanoseconds}), bytes as
     * {@code space/bytes}, anything else as {@code samples/count}; fractional counts and bytes are kept in
     * thousandths (see {@link WeightColumn}).
     */
    Profile toProfile(StackTable table, int[] stackOf, String file) throws ImportException {
        int n = evented ? nonZero() : sampleCount;
        int[] sampleStack = new int[n];
        double[] value = new double[n];
        if (evented) {
            for (int s = 0, k = 0; s < timeByStack.length; s++) {
                if (timeByStack[s] != 0) {
                    sampleStack[k] = stackOf[s];
                    value[k++] = timeByStack[s];
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                sampleStack[i] = stacks[i] == StackTable.EMPTY ? StackTable.EMPTY : stackOf[stacks[i]];
                value[i] = weights[i];
            }
        }
        long nanos = nanosPer(unit);
        SampleType type;
        long[] values;
        if (nanos > 0) {
            type = new SampleType("time", "nanoseconds");
            values = new long[n];
            for (int i = 0; i < n; i++) {
                double v = value[i] * nanos;
                if (v >= Long.MAX_VALUE) {
                    throw new ImportException(file, where, "a weight of profile \"" + name + "\" is too large");
                }
                values[i] = Math.round(v);
            }
        } else {
            boolean bytes = unit.equals("bytes");
            WeightColumn column = new WeightColumn();
            try {
                for (double v : value) {
                    column.add(v);
                }
            } catch (ArithmeticException e) {
                throw new ImportException(file, where, "a weight of profile \"" + name + "\" is too large");
            }
            String u = bytes ? "bytes" : "count";
            type = new SampleType(bytes ? "space" : "samples", column.scaled() ? WeightColumn.scaledUnit(u) : u);
            values = column.toArray();
        }
        return new Profile("speedscope", List.of(type), 0, table, sampleStack, new long[][] {values}, name);
    }

    private int nonZero() {
        int n = 0;
        for (double t : timeByStack) {
            if (t != 0) {
                n++;
            }
        }
        return n;
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "nanoseconds" -> 1;
            case "microseconds" -> 1_000;
            case "milliseconds" -> 1_000_000;
            case "seconds" -> 1_000_000_000;
            default -> 0;
        };
    }
}
