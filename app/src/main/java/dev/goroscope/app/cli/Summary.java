package dev.goroscope.app.cli;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FunctionTotals;
import dev.goroscope.model.timeline.TraceSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code goroscope summary} reports about one file.
 *
 * @param file           the file as named on the command line
 * @param format         the format found
 * @param goVersion      the Go version the file names, or null
 * @param goroutines     goroutines in a dump, the total of a goroutine (or goroutine leak) profile, the goroutines
 *                       a trace shows changing state; null for other profiles
 * @param states         goroutines per state (all five present) for a dump, null for a profile
 * @param waitReasons    goroutines per wait reason, most first, for a dump; null for a profile
 * @param distinctStacks the number of different stacks
 * @param sampleTypes    "type/unit" of each value column ({@code goroutine/count} for a dump)
 * @param totals         the sum of each column over all samples
 * @param topSampleType  the column {@code top} ranks by
 * @param topUnit        what a {@code top} weight counts, e.g. "goroutines", "nanoseconds"
 * @param top            functions by total weight (pprof's cum, once per stack), ties by name
 * @param warnings       what the importer could not read
 * @param trace          the figures of an execution trace, null for other files
 */
record Summary(String file, String format, String goVersion, Long goroutines, Map<GoroutineState, Long> states,
        Map<String, Long> waitReasons, int distinctStacks, List<String> sampleTypes, Map<String, Long> totals,
        String topSampleType, String topUnit, List<Summary.TopFunction> top, List<String> warnings,
        TraceSummary trace) {

    /** One function's weight: of the stacks containing it (once per stack), and of those ending in it. */
    record TopFunction(String function, long self, long total) {
    }

    /** Most total weight first, ties by name. */
    static final Comparator<TopFunction> BY_TOTAL =
            Comparator.comparingLong(TopFunction::total).reversed().thenComparing(TopFunction::function);

    /** Summarises {@code d}, ranking the top {@code topCount} functions (all for 0) by {@code sampleType}. */
    static Summary of(Dataset d, String sampleType, int topCount) throws CliException {
        StackChoice choice = StackChoice.of(d, sampleType);
        List<TopFunction> top = top(FunctionTotals.of(choice.stacks()), topCount);
        String unit = choice.stacks().unit();
        GoroutineDump dump = d.dump();
        if (dump != null) {
            long count = dump.size();
            return new Summary(d.source(), d.format(), d.goVersion(), count, states(dump), waitReasons(dump),
                    choice.stacks().size(), List.of(StackChoice.GOROUTINES.toString()),
                    Map.of(StackChoice.GOROUTINES.toString(), count), choice.sampleType(), unit, top, d.warnings(),
                    null);
        }
        if (d.profiles().isEmpty() && d.timeline() != null) {
            TraceSummary trace = TraceSummary.of(d.timeline(), d.warnings());
            return new Summary(d.source(), d.format(), d.goVersion(), (long) trace.goroutines(), null, null,
                    choice.stacks().size(), List.of(choice.sampleType()),
                    Map.of(choice.sampleType(), choice.stacks().totalWeight()), choice.sampleType(), unit, top,
                    d.warnings(), trace);
        }
        Profile p = d.profiles().get(0);
        List<String> types = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        Long goroutines = null;
        for (int t = 0; t < p.sampleTypes().size(); t++) {
            SampleType st = p.sampleTypes().get(t);
            types.add(st.toString());
            totals.put(st.toString(), p.total(t));
            if (goroutines == null && StackChoice.countsGoroutines(st)) {
                goroutines = p.total(t);
            }
        }
        List<String> warnings = new ArrayList<>(d.warnings());
        if (d.profiles().size() > 1) {
            warnings.add("the file holds " + d.profiles().size() + " profiles; this summary is of the first, '"
                    + p.name() + "'");
        }
        return new Summary(d.source(), d.format(), d.goVersion(), goroutines, null, null, distinctStacks(p),
                types, totals, choice.sampleType(), unit, top, List.copyOf(warnings), null);
    }

    /**
     * The {@code limit} functions (all for 0) of most total weight, ties by name; functions only on stacks of no
     * weight are left out, as pprof leaves them out.
     */
    private static List<TopFunction> top(FunctionTotals totals, int limit) {
        List<TopFunction> all = new ArrayList<>(totals.size());
        for (int i = 0; i < totals.size(); i++) {
            if (totals.total(i) != 0 || totals.self(i) != 0) {
                all.add(new TopFunction(totals.name(i), totals.self(i), totals.total(i)));
            }
        }
        all.sort(BY_TOTAL);
        return List.copyOf(limit > 0 && limit < all.size() ? all.subList(0, limit) : all);
    }

    private static Map<GoroutineState, Long> states(GoroutineDump dump) {
        Map<GoroutineState, Long> states = new EnumMap<>(GoroutineState.class);
        for (GoroutineState s : GoroutineState.values()) {
            states.put(s, 0L);
        }
        for (int g = 0; g < dump.size(); g++) {
            states.merge(dump.state(g), 1L, Long::sum);
        }
        return Collections.unmodifiableMap(states);
    }

    private static Map<String, Long> waitReasons(GoroutineDump dump) {
        long[] counts = new long[dump.waitReasons().size()];
        for (int g = 0; g < dump.size(); g++) {
            if (dump.waitReason(g) >= 0) {
                counts[dump.waitReason(g)]++;
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            if (counts[r] > 0) {
                ids.add(r);
            }
        }
        ids.sort(Comparator.<Integer>comparingLong(r -> -counts[r]).thenComparing(r -> dump.waitReasons().get(r)));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int r : ids) {
            out.put(dump.waitReasons().get(r), counts[r]);
        }
        return Collections.unmodifiableMap(out);
    }

    private static int distinctStacks(Profile p) {
        boolean[] seen = new boolean[p.stacks().size() + 1];
        int n = 0;
        for (int s : p.sampleStack()) {
            if (!seen[s + 1]) {
                seen[s + 1] = true;
                n++;
            }
        }
        return n;
    }
}
