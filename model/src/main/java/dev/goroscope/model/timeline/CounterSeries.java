package dev.goroscope.model.timeline;

import java.util.Arrays;

/**
 * A value that changes over time (goroutine count, heap bytes, threads): {@code values[i]} holds from
 * {@code times[i]} until the next time. Times are strictly increasing.
 *
 * @param name  e.g. "goroutines", "heap", "threads"
 * @param unit  e.g. "goroutines", "bytes", "threads"
 */
public record CounterSeries(String name, String unit, long[] times, long[] values) {
    public CounterSeries {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public int size() {
        return times.length;
    }

    /** The value in force at {@code t}, or 0 before the first point. */
    public long valueAt(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? 0 : values[i];
    }

    /** The largest value, 0 for an empty series. */
    public long max() {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterSeries c && c.name.equals(name) && c.unit.equals(unit)
                && Arrays.equals(c.times, times) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CounterSeries[" + name + ", " + times.length + " points]";
    }

    /**
     * Appends points; a second value at the same time replaces the first, an unchanged value is skipped. With a
     * resolution, a value that follows the previous point by less than that many nanoseconds replaces it (the
     * series keeps the last value of each burst): counters derived from every goroutine transition would otherwise
     * take as much memory as the lanes.
     */
    public static final class Builder {
        private final String name;
        private final String unit;
        private final long resolutionNs;
        private long[] times = new long[16];
        private long[] values = new long[16];
        private int size;

        public Builder(String name, String unit) {
            this(name, unit, 0);
        }

        public Builder(String name, String unit, long resolutionNs) {
            this.name = name;
            this.unit = unit;
            this.resolutionNs = resolutionNs;
        }

        public void add(long t, long value) {
            if (size > 0 && times[size - 1] + resolutionNs > t) {
                values[size - 1] = value;
                if (size > 1 && values[size - 2] == value) {
                    size--;
                }
                return;
            }
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size + (size >> 1));
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            times[size] = t;
            values[size++] = value;
        }

        public CounterSeries build() {
            return new CounterSeries(name, unit, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
