package dev.goroscope.app.leaks;

import dev.goroscope.model.analysis.GoroutineGroup;
import dev.goroscope.model.analysis.WaitHistogram;

/** Texts of the groups table's cells, kept apart from the controls so they can be tested plainly. */
final class GroupCells {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private GroupCells() {
    }

    /** "12–37 min", "5 min", or "" when the dump gave no minutes. */
    static String waitRange(GoroutineGroup g) {
        if (g.maxWaitMinutes() <= 0) {
            return "";
        }
        return g.minWaitMinutes() == g.maxWaitMinutes() ? g.maxWaitMinutes() + " min"
                : g.minWaitMinutes() + "–" + g.maxWaitMinutes() + " min";
    }

    /** One bar character per {@link WaitHistogram} bucket, height by its share of the largest bucket. */
    static String histogram(int[] buckets) {
        int max = 0;
        for (int b : buckets) {
            max = Math.max(max, b);
        }
        if (max == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(buckets.length);
        for (int b : buckets) {
            s.append(b == 0 ? ' ' : BARS[(int) Math.ceil((double) b * BARS.length / max) - 1]);
        }
        return s.toString();
    }

    /** The histogram's buckets spelt out for its tooltip, e.g. "1-4 min: 3". */
    static String histogramText(int[] buckets) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0) {
                s.append(s.length() == 0 ? "" : "\n").append(WaitHistogram.label(i)).append(": ").append(buckets[i]);
            }
        }
        return s.toString();
    }
}
