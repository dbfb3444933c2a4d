package dev.goroscope.importers.pprof;

import java.util.ArrayList;
import java.util.List;

/** The rows of {@code go tool pprof -top} output, parsed for tests, with pprof's rounded units undone. */
final class PprofTopText {
    /** One row: flat and cum in the profile's unit, and how far pprof's rounding may be off. */
    record Row(String name, double flat, double cum, double tolerance) {
    }

    String type;
    final List<Row> rows = new ArrayList<>();

    static PprofTopText parse(String text) {
        PprofTopText t = new PprofTopText();
        boolean inRows = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("Type: ")) {
                t.type = line.substring("Type: ".length()).trim();
            } else if (line.trim().startsWith("flat  flat%")) {
                inRows = true;
            } else if (inRows && !line.isBlank()) {
                String[] f = line.trim().split("\\s+", 6);
                String name = f[5];
                for (String suffix : List.of(" (inline)", " (partial-inline)")) {
                    if (name.endsWith(suffix)) {
                        name = name.substring(0, name.length() - suffix.length());
                    }
                }
                double[] flat = value(f[0]);
                double[] cum = value(f[3]);
                t.rows.add(new Row(name, flat[0], cum[0], Math.max(flat[1], cum[1])));
            }
        }
        return t;
    }

    /** pprof's "%.2f" + unit label as {value in base unit, half a step of the last printed digit}. */
    private static double[] value(String s) {
        if (s.equals("0")) {
            return new double[] {0, 0};
        }
        String[][] units = {{"ns", "1"}, {"us", "1e3"}, {"ms", "1e6"}, {"hrs", "3.6e12"}, {"s", "1e9"},
            {"kB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"TB", "1099511627776"}, {"B", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                double scale = Double.parseDouble(u[1]);
                return new double[] {Double.parseDouble(s.substring(0, s.length() - u[0].length())) * scale,
                    0.005 * scale};
            }
        }
        return new double[] {Double.parseDouble(s), 0.005};
    }
}
