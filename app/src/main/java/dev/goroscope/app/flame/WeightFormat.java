package dev.goroscope.app.flame;

import java.util.Locale;

/** Human-readable weights and shares: "1,234 goroutines", "2.35 s", "12.4 MB", "37.5%". */
public final class WeightFormat {
    private WeightFormat() {
    }

    /** {@code weight} in {@code unit} as a person reads it. */
    public static String format(long weight, String unit) {
        return switch (unit) {
            case "nanoseconds" -> duration(weight);
            case "bytes" -> bytes(weight);
            case "goroutines" -> count(weight) + (weight == 1 ? " goroutine" : " goroutines");
            case "count" -> count(weight);
            default -> count(weight) + " " + unit;
        };
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} of {@code whole} as a percentage with one decimal, "0%" when the whole is 0. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "0%";
        }
        return percent(100.0 * part / whole);
    }

    /** One decimal; "0%" and "100%" only when exact-ish, "<0.1%" for a share too small to show. */
    public static String percent(double p) {
        if (p > 0 && p < 0.05) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, p >= 99.95 || p == 0 ? "%.0f%%" : "%.1f%%", p);
    }

    private static String duration(long ns) {
        double v = ns;
        String[] units = {"ns", "µs", "ms", "s"};
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? ns + " ns" : threeDigits(v) + " " + units[u];
    }

    private static String bytes(long b) {
        double v = b;
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? b + " B" : threeDigits(v) + " " + units[u];
    }

    /** About three significant digits without switching to scientific notation: 2.35, 23.5, 235. */
    private static String threeDigits(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }
}
