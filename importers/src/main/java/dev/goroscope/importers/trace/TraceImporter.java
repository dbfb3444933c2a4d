package dev.goroscope.importers.trace;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.trace.v1.V1Reader;
import dev.goroscope.importers.trace.v2.V2Reader;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go execution traces ({@code runtime/trace}, {@code go test -trace}, {@code /debug/pprof/trace}): the v2 format of
 * Go 1.22+ and the v1 format of Go 1.5–1.21, recognised by the 16-byte header {@code go 1.N trace}.
 */
public final class TraceImporter implements Importer {
    /** The newest header version this reader knows. */
    public static final int NEWEST_MINOR = 26;

    @Override
    public String name() {
        return "Go execution trace";
    }

    @Override
    public Confidence sniff(byte[] head, int length) {
        return TraceHeader.parse(head, length) != null ? Confidence.YES : Confidence.NO;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String name = source.name();
        try (InputStream raw = source.open()) {
            TraceInput in = new TraceInput(new ProgressStream(raw, progress, source.length()));
            byte[] head = new byte[TraceHeader.SIZE];
            int n = in.readFully(head, 0, head.length);
            TraceHeader h = TraceHeader.parse(head, n);
            if (h == null) {
                throw ImportException.atByte(name, 0, "not a Go execution trace (expected a \"go 1.N trace\" header)");
            }
            if (h.minor() > NEWEST_MINOR) {
                throw ImportException.atByte(name, 0, "trace format go 1." + h.minor() + " is newer than this version of"
                        + " Goroscope reads (up to go 1." + NEWEST_MINOR + ")");
            }
            if (h.minor() < 5) {
                throw ImportException.atByte(name, 0, "trace format go 1." + h.minor() + " is not a known version");
            }
            int maxStrings = source.limits().maxStrings();
            if (!h.isV2()) {
                return readV1(name, h, in, new V1Reader(h.minor(), maxStrings), new CancelPoll(progress::cancelled));
            }
            V2Reader.Result r = new V2Reader(h.minor(), maxStrings).read(in, progress::cancelled);
            if (progress.cancelled()) {
                throw new ImportException(name, "", "cancelled");
            }
            List<String> warnings = new ArrayList<>();
            if (r.problem() != null) {
                if (r.events() == 0) {
                    throw ImportException.atByte(name, Math.max(0, r.problem().offset()), r.problem().getMessage());
                }
                warnings.add(describe(r.tail() != null ? r.tail() : r.problem(), r.lostFraction()));
            }
            return Dataset.ofTimeline(name, "Go execution trace (format go 1." + h.minor() + ")", h.goVersion(),
                    warnings, r.timeline());
        } catch (ReadStopped e) {
            throw new ImportException(name, e.where(), e.problem());
        } catch (IOException e) {
            throw new ImportException(name, "", "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }

    private static Dataset readV1(String name, TraceHeader h, TraceInput in, V1Reader reader, CancelPoll poll)
            throws IOException, ImportException {
        V1Reader.Result r = reader.read(in, poll);
        if (r.timeline() == null) {
            throw ImportException.atByte(name, Math.max(0, r.problem().offset()), r.problem().getMessage());
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        if (r.problem() != null) {
            warnings.add(0, "trace is cut or broken at byte " + r.problem().offset() + " (" + r.problem().getMessage()
                    + "); the events before it were read");
        }
        return Dataset.ofTimeline(name, "Go execution trace (format go 1." + h.minor() + ")", h.goVersion(), warnings,
                r.timeline());
    }

    /** The warning for a trace that could only be read in part. */
    static String describe(TraceFormatException problem, double lost) {
        String pct = String.format(Locale.ROOT, "%.1f%%", lost * 100);
        String msg = problem.getMessage();
        if (msg.contains(" ends ")) {
            return "trace ends early, " + pct + " of events lost (byte " + problem.offset() + ": " + msg + ")";
        }
        return "trace is broken at byte " + problem.offset() + " (" + msg + "); " + pct + " of events after it not read";
    }
}
