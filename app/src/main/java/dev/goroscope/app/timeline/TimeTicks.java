package dev.goroscope.app.timeline;

/**
 * Ruler ticks: a step of 1, 2 or 5 times a power of ten nanoseconds so that labels stand about
 * {@value #LABEL_SPACING_PX} px apart, and labels in the unit of the step (ns, µs, ms, s) relative to the trace
 * start, with as many decimals as the step needs.
 */
public final class TimeTicks {
    static final double LABEL_SPACING_PX = 110;

    private TimeTicks() {
    }

    /** The tick step in nanoseconds for a scale of {@code nsPerPx}. */
    public static long step(double nsPerPx) {
        double want = Math.max(1, nsPerPx * LABEL_SPACING_PX);
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (p * m >= want) {
                    return p * m;
                }
            }
            if (p > Long.MAX_VALUE / 100) {
                return p * 10;
            }
            p *= 10;
        }
    }

    /** A time offset {@code ns} labelled for ticks of {@code step}: "0", "250 µs", "1.5 ms", "12 s". */
    public static String label(long ns, long step) {
        if (ns == 0) {
            return "0";
        }
        long unit;
        String name;
        if (step < 1_000) {
            unit = 1;
            name = "ns";
        } else if (step < 1_000_000) {
            unit = 1_000;
            name = "µs";
        } else if (step < 1_000_000_000) {
            unit = 1_000_000;
            name = "ms";
        } else {
            unit = 1_000_000_000;
            name = "s";
        }
        int decimals = 0;
        for (long s = step; s % unit != 0 && decimals < 9; s *= 10) {
            decimals++;
        }
        return formatFixed((double) ns / unit, decimals) + " " + name;
    }

    /** A duration in the unit that suits it: "830 ns", "12.4 µs", "3.20 ms", "1.25 s". */
    public static String duration(long ns) {
        long a = Math.abs(ns);
        if (a < 1_000) {
            return ns + " ns";
        }
        if (a < 1_000_000) {
            return formatSignificant(ns / 1e3) + " µs";
        }
        if (a < 1_000_000_000) {
            return formatSignificant(ns / 1e6) + " ms";
        }
        return formatSignificant(ns / 1e9) + " s";
    }

    /** A selected range as offsets from the trace start {@code origin}: "Range 200 ms – 400 ms (200 ms)". */
    public static String range(long from, long to, long origin) {
        return "Range " + duration(from - origin) + " – " + duration(to - origin) + " (" + duration(to - from) + ")";
    }

    private static String formatSignificant(double v) {
        double a = Math.abs(v);
        return formatFixed(v, a < 10 ? 2 : a < 100 ? 1 : 0);
    }

    private static String formatFixed(double v, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
