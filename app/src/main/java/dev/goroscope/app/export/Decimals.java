package dev.goroscope.app.export;

/** Fixed-point number formatting without {@code String.format}, for writers that format per record. */
final class Decimals {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};

    private Decimals() {
    }

    /** Appends {@code v} rounded half up to {@code decimals} (0..4) places, e.g. 12.0 with 1 gives "12.0". */
    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        long pow = POW10[decimals];
        long scaled = Math.round(Math.abs(v) * pow);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / pow);
        if (decimals > 0) {
            sb.append('.');
            long frac = scaled % pow;
            for (long p = pow / 10; p > 1 && frac < p; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** {@code v} rounded to one decimal, as {@link #append} writes it with one decimal. */
    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
