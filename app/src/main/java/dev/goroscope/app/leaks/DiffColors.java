package dev.goroscope.app.leaks;

import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.calltree.CallTree;

/**
 * Colours of a differential flame graph, as difffolded draws them: red where the second snapshot has more, blue
 * where it has less, the stronger the larger the change relative to the largest change in the tree; grey when equal.
 */
final class DiffColors {
    static final int SAME = 0xD9D9D9;
    private static final int PALE = 0xF4F0EE;
    private static final int MORE = 0xD7301F;
    private static final int LESS = 0x2C6FCF;

    private final DiffTree diff;
    private final long largest;

    DiffColors(DiffTree diff) {
        this.diff = diff;
        long max = 0;
        CallTree t = diff.tree();
        for (int n = 0; n < t.size(); n++) {
            max = Math.max(max, Math.abs(diff.delta(n)));
        }
        this.largest = max;
    }

    /** The tree whose nodes these colours are for. */
    CallTree tree() {
        return diff.tree();
    }

    /** 0xRRGGBB of {@code node}. */
    int rgb(int node) {
        return of(diff.delta(node), largest);
    }

    /** "before 3 → after 10 (+7)". */
    String note(int node) {
        long d = diff.delta(node);
        return "before " + diff.before(node) + " → after " + diff.after(node) + " (" + (d > 0 ? "+" : "") + d + ")";
    }

    /** The colour of a change {@code delta} when the largest change is {@code largest}. */
    static int of(long delta, long largest) {
        if (delta == 0 || largest == 0) {
            return SAME;
        }
        double strength = 0.25 + 0.75 * Math.min(1.0, (double) Math.abs(delta) / largest);
        return blend(PALE, delta > 0 ? MORE : LESS, strength);
    }

    private static int blend(int from, int to, double t) {
        int r = mix((from >> 16) & 0xff, (to >> 16) & 0xff, t);
        int g = mix((from >> 8) & 0xff, (to >> 8) & 0xff, t);
        int b = mix(from & 0xff, to & 0xff, t);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
