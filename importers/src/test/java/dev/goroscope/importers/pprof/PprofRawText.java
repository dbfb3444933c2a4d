package dev.goroscope.importers.pprof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text {@code go tool pprof -raw} prints (pprof's {@code Profile.String()}), parsed for tests: sample types,
 * samples with their values, location ids and label text, and each location's lines. This is the truth the
 * importer is checked against.
 */
final class PprofRawText {
    record Sample(long[] values, long[] locations, List<String> labelLines) {
    }

    /** One line of a location: function name (or "0x…" for an address-only location), file and line. */
    record Line(String function, String file, long line) {
        String text() {
            return function + " " + file + ":" + line;
        }
    }

    final List<String> sampleTypes = new ArrayList<>();
    int defaultType = -1;
    String periodType;
    long period;
    final List<Sample> samples = new ArrayList<>();
    final Map<Long, List<Line>> locations = new HashMap<>();

    static PprofRawText parse(String text) {
        PprofRawText r = new PprofRawText();
        String[] lines = text.split("\n");
        int i = 0;
        while (!lines[i].equals("Samples:")) {
            if (lines[i].startsWith("PeriodType: ")) {
                r.periodType = lines[i].substring("PeriodType: ".length()).replace(' ', '/');
            } else if (lines[i].startsWith("Period: ")) {
                r.period = Long.parseLong(lines[i].substring("Period: ".length()));
            }
            i++;
        }
        i++;
        for (String t : lines[i].trim().split(" ")) {
            if (t.endsWith("[dflt]")) {
                r.defaultType = r.sampleTypes.size();
                t = t.substring(0, t.length() - "[dflt]".length());
            }
            r.sampleTypes.add(t);
        }
        if (r.defaultType < 0) {
            r.defaultType = r.sampleTypes.size() - 1;
        }
        i++;
        for (; !lines[i].equals("Locations"); i++) {
            String line = lines[i];
            if (line.startsWith("                ")) {
                r.samples.get(r.samples.size() - 1).labelLines.add(line.trim());
                continue;
            }
            int colon = line.indexOf(": ");
            long[] values = longs(line.substring(0, colon));
            long[] locs = longs(line.substring(colon + 2));
            r.samples.add(new Sample(values, locs, new ArrayList<>()));
        }
        i++;
        List<Line> current = null;
        for (; i < lines.length && !lines[i].equals("Mappings"); i++) {
            String line = lines[i];
            String rest;
            if (line.startsWith("             ")) {
                rest = line.substring(13);
            } else {
                int colon = line.indexOf(": 0x");
                long id = Long.parseLong(line.substring(0, colon).trim());
                rest = line.substring(colon + 2);
                int space = rest.indexOf(' ');
                String address = rest.substring(0, space);
                rest = rest.substring(space + 1);
                if (rest.startsWith("M=")) {
                    rest = rest.substring(rest.indexOf(' ') + 1);
                }
                if (rest.startsWith("[F] ")) {
                    rest = rest.substring(4);
                }
                current = new ArrayList<>();
                r.locations.put(id, current);
                if (rest.isEmpty()) {
                    current.add(new Line(address, "", 0));
                    continue;
                }
                if (rest.equals("??")) {
                    current.add(new Line(address, "", 0));
                    continue;
                }
            }
            current.add(parseLine(rest));
        }
        return r;
    }

    /** {@code NAME FILE:LINE[:COLUMN] s=START[(SYSTEM NAME)]}. */
    private static Line parseLine(String s) {
        String left = s.substring(0, s.lastIndexOf(" s="));
        int space = left.lastIndexOf(' ');
        String name = left.substring(0, space);
        String fileLine = left.substring(space + 1);
        String[] parts = fileLine.split(":");
        boolean hasColumn = parts.length >= 3 && isNumber(parts[parts.length - 1]) && isNumber(parts[parts.length - 2]);
        int lineIndex = hasColumn ? parts.length - 2 : parts.length - 1;
        String file = String.join(":", java.util.Arrays.copyOfRange(parts, 0, lineIndex));
        return new Line(name, file, Long.parseLong(parts[lineIndex]));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == '-' || Character.isDigit(c));
    }

    private static long[] longs(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new long[0];
        }
        String[] parts = t.split(" +");
        long[] out = new long[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = Long.parseLong(parts[k]);
        }
        return out;
    }

    /** The frames of sample {@code s}, innermost first, as "name file:line" with inlined lines expanded. */
    List<String> frames(Sample s) {
        List<String> out = new ArrayList<>();
        for (long loc : s.locations) {
            for (Line l : locations.get(loc)) {
                out.add(l.text());
            }
        }
        return out;
    }

    long total(int type) {
        long t = 0;
        for (Sample s : samples) {
            t += s.values[type];
        }
        return t;
    }

    /** Per-function flat (innermost frame) and cum (once per sample) of one value column. */
    Map<String, long[]> functionTotals(int type) {
        Map<String, long[]> out = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Sample s : samples) {
            long v = s.values[type];
            seen.clear();
            boolean leaf = true;
            for (long loc : s.locations) {
                for (Line l : locations.get(loc)) {
                    long[] totals = out.computeIfAbsent(l.function, k -> new long[2]);
                    if (leaf) {
                        totals[0] += v;
                        leaf = false;
                    }
                    if (seen.add(l.function)) {
                        totals[1] += v;
                    }
                }
            }
        }
        return out;
    }
}
