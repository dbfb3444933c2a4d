package dev.goroscope.app.export;

/** Weights as people read them: "3 goroutines", "1.25 s", "12.00 MiB". */
public final class Quantities {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Quantities() {
    }

    /** {@code value} of {@code unit} (a pprof unit such as nanoseconds, bytes, count, or "goroutines"). */
    public static String format(long value, String unit) {
        return append(new StringBuilder(24), value, unit).toString();
    }

    /** Appends what {@link #format} returns. */
    public static StringBuilder append(StringBuilder sb, long value, String unit) {
        switch (unit) {
            case "nanoseconds" -> nanos(sb, value);
            case "bytes" -> bytes(sb, value);
            case "goroutines" -> sb.append(value).append(value == 1 ? " goroutine" : " goroutines");
            case "count", "" -> sb.append(value);
            default -> sb.append(value).append(' ').append(unit);
        }
        return sb;
    }

    private static void nanos(StringBuilder sb, long ns) {
        long a = Math.abs(ns);
        if (a < 1_000) {
            sb.append(ns).append(" ns");
        } else if (a < 1_000_000) {
            Decimals.append(sb, ns / 1e3, 2).append(" µs");
        } else if (a < 1_000_000_000) {
            Decimals.append(sb, ns / 1e6, 2).append(" ms");
        } else {
            Decimals.append(sb, ns / 1e9, 2).append(" s");
        }
    }

    private static void bytes(StringBuilder sb, long b) {
        long a = Math.abs(b);
        if (a < 1024) {
            sb.append(b).append(" B");
            return;
        }
        int u = 0;
        double v = b;
        while (Math.abs(v) >= 1024 && u < BYTE_UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        Decimals.append(sb, v, 2).append(' ').append(BYTE_UNITS[u]);
    }
}
