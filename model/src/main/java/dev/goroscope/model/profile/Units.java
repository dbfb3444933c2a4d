package dev.goroscope.model.profile;

import java.util.Locale;

/**
 * Formats profile values for people: nanoseconds as ns/µs/ms/s, bytes as B/KiB/MiB/GiB/TiB, anything else as a
 * plain count with thousands separators. Three significant digits at most, trailing zeros dropped:
 * {@code 3.2 s}, {@code 870 µs}, {@code 1.21 MiB}, {@code 4,805}. Units are the names pprof uses
 * ({@code nanoseconds}, {@code bytes}, {@code count}, …).
 */
public final class Units {
    private static final String[] TIME = {"ns", "µs", "ms", "s"};
    private static final String[] BYTES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code value} of {@code unit} in the largest unit that keeps it at 1 or more. */
    public static String format(long value, String unit) {
        return switch (unit) {
            case "nanoseconds", "ns" -> nanos(value);
            case "microseconds", "us" -> scaled(value * 1e3, TIME, 1000);
            case "milliseconds", "ms" -> scaled(value * 1e6, TIME, 1000);
            case "seconds", "s" -> scaled(value * 1e9, TIME, 1000);
            case "bytes", "B" -> bytes(value);
            default -> count(value);
        };
    }

    /** A duration: {@code 12 ns}, {@code 3.45 µs}, {@code 870 ms}, {@code 3.2 s}, {@code 1,234 s}. */
    public static String nanos(long ns) {
        return scaled(ns, TIME, 1000);
    }

    /** A size in binary units: {@code 512 B}, {@code 2 KiB}, {@code 1.21 MiB}. */
    public static String bytes(long bytes) {
        return scaled(bytes, BYTES, 1024);
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} as a percentage of {@code total} with one decimal, e.g. {@code 96.7%}; {@code -} if total is 0. */
    public static String percent(long part, long total) {
        if (total == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }

    private static String scaled(double value, String[] units, int step) {
        double v = Math.abs(value);
        int i = 0;
        while (i < units.length - 1 && v >= step) {
            v /= step;
            i++;
        }
        String d = digits(v);
        if (i < units.length - 1 && Double.parseDouble(d) >= step) {
            d = digits(v / step);
            i++;
        }
        if (v >= 1000 && i == units.length - 1) {
            d = count(Math.round(v));
        }
        return (value < 0 ? "-" : "") + d + " " + units[i];
    }

    /** At most three significant digits, trailing zeros after the point dropped. */
    private static String digits(double v) {
        String s;
        if (v >= 100 || v == Math.rint(v)) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (v >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.2f", v);
        }
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
