package dev.goroscope.app.cli;

import dev.goroscope.app.export.Quantities;
import dev.goroscope.model.goroutine.GoroutineState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code summary} without {@code --json}: the same figures laid out for reading. */
final class SummaryText {
    private SummaryText() {
    }

    static void write(Summary s, PrintWriter out) {
        out.println(s.file() + ": " + s.format() + (s.goVersion() == null ? "" : ", " + s.goVersion()));
        if (s.goroutines() != null) {
            row(out, "goroutines", String.valueOf(s.goroutines()));
        }
        row(out, "distinct stacks", String.valueOf(s.distinctStacks()));
        if (s.states() != null) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<GoroutineState, Long> e : s.states().entrySet()) {
                parts.add(e.getKey().label() + " " + e.getValue());
            }
            row(out, "states", String.join(", ", parts));
        }
        if (s.waitReasons() != null && !s.waitReasons().isEmpty()) {
            List<String> parts = new ArrayList<>();
            s.waitReasons().forEach((reason, n) -> parts.add(reason + " " + n));
            row(out, "wait reasons", String.join(", ", parts));
        }
        if (s.trace() != null) {
            row(out, "events", String.valueOf(s.trace().events()));
            row(out, "duration", Quantities.format(s.trace().durationNs(), "nanoseconds"));
            row(out, "procs", String.valueOf(s.trace().procs()));
            row(out, "GC cycles", String.valueOf(s.trace().gcCount()));
            List<String> parts = new ArrayList<>();
            s.trace().stateTimeNsOrdered().forEach((state, ns) -> parts.add(state + " " + Quantities.format(ns, "nanoseconds")));
            row(out, "time per state", String.join(", ", parts));
        }
        if (s.states() == null) {
            for (Map.Entry<String, Long> e : s.totals().entrySet()) {
                String unit = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                row(out, e.getKey(), Quantities.format(e.getValue(), unit));
            }
        }
        top(s, out);
        if (!s.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            for (String w : s.warnings()) {
                out.println("  " + w);
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println("  " + label + " ".repeat(Math.max(1, 22 - label.length())) + value);
    }

    private static void top(Summary s, PrintWriter out) {
        if (s.top().isEmpty()) {
            return;
        }
        out.println();
        out.println("Functions by " + s.topSampleType() + " (total: stacks through the function; self: stacks "
                + "ending in it)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"total", "self", "function"});
        int w0 = 5;
        int w1 = 4;
        String unit = s.topUnit().equals("goroutines") ? "count" : s.topUnit();
        for (Summary.TopFunction e : s.top()) {
            String t = Quantities.format(e.total(), unit);
            String f = Quantities.format(e.self(), unit);
            rows.add(new String[] {t, f, e.function()});
            w0 = Math.max(w0, t.length());
            w1 = Math.max(w1, f.length());
        }
        for (String[] r : rows) {
            out.println("  " + " ".repeat(w0 - r[0].length()) + r[0] + "  " + " ".repeat(w1 - r[1].length()) + r[1]
                    + "  " + r[2]);
        }
    }
}
