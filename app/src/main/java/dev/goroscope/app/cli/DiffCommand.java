package dev.goroscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.DiffEntry;
import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.SnapshotCounts;
import dev.goroscope.model.analysis.SnapshotDiff;
import dev.goroscope.model.profile.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code goroscope diff A B}: how the goroutines changed between two snapshots. */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compares two goroutine dumps or goroutine profiles of one program taken at different times: "
                + "new, gone, grown and shrunk groups, largest change first.",
                "Goroutines are grouped by (entryFunction, leafFunction, waitReason): entryFunction is the function "
                + "the goroutine was started with (its outermost frame other than runtime internals), leafFunction "
                + "the innermost frame a default traceback shows, waitReason the dump header's status (the wait "
                + "reason, or the state when not waiting; empty for profiles).",
                "With --json, one JSON object: before, after, totalBefore, totalAfter and groups "
                + "([{entryFunction, leafFunction, waitReason, before, after, delta}] sorted by |delta|, largest "
                + "first)."})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier dump or goroutine profile.")
    private Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later dump or goroutine profile.")
    private Path after;

    @Option(names = "--json", order = 1, description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--all", order = 2, description = "Also list the groups that did not change.")
    private boolean all;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DiffKeys keys = new DiffKeys();
        SnapshotCounts a = counts(before, keys);
        SnapshotCounts b = counts(after, keys);
        SnapshotDiff diff = SnapshotDiff.of(a, b);
        List<DiffEntry> entries = all ? diff.entries() : diff.changed();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(diff, entries, out);
        } else {
            writeText(diff, entries, out);
        }
        out.flush();
        return 0;
    }

    private SnapshotCounts counts(Path file, DiffKeys keys) throws ImportException {
        Dataset d = Importers.all().open(file);
        if (d.dump() != null) {
            return SnapshotCounts.of(d.dump(), keys);
        }
        for (Profile p : d.profiles()) {
            if (p.kind().equals("goroutine")) {
                return SnapshotCounts.of(p, keys);
            }
        }
        throw new ParameterException(spec.commandLine(), file + ": neither a goroutine dump nor a goroutine profile ("
                + d.format() + ")");
    }

    private void writeJson(SnapshotDiff diff, List<DiffEntry> entries, PrintWriter out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("before", before.toString());
            g.writeStringField("after", after.toString());
            g.writeNumberField("totalBefore", diff.totalBefore());
            g.writeNumberField("totalAfter", diff.totalAfter());
            g.writeArrayFieldStart("groups");
            for (DiffEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("entryFunction", e.entryFunction());
                g.writeStringField("leafFunction", e.leafFunction());
                g.writeStringField("waitReason", e.waitReason());
                g.writeNumberField("before", e.before());
                g.writeNumberField("after", e.after());
                g.writeNumberField("delta", e.delta());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private void writeText(SnapshotDiff diff, List<DiffEntry> entries, PrintWriter out) {
        out.printf(Locale.ROOT, "%d → %d goroutines (%+d): %s → %s%n", diff.totalBefore(), diff.totalAfter(),
                diff.totalAfter() - diff.totalBefore(), before, after);
        if (entries.isEmpty()) {
            out.println("no group changed");
            return;
        }
        out.printf(Locale.ROOT, "%7s %7s %7s  %-6s  %-24s  %s%n", "DELTA", "BEFORE", "AFTER", "CHANGE", "WAIT REASON",
                "ENTRY FUNCTION ← LEAF FUNCTION");
        for (DiffEntry e : entries) {
            String fn = e.entryFunction().equals(e.leafFunction()) ? e.entryFunction()
                    : e.entryFunction() + " ← " + e.leafFunction();
            out.printf(Locale.ROOT, "%+7d %7d %7d  %-6s  %-24s  %s%n", e.delta(), e.before(), e.after(),
                    e.change().name().toLowerCase(Locale.ROOT), e.waitReason(), fn);
        }
    }
}
