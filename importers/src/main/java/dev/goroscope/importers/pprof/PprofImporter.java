package dev.goroscope.importers.pprof;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads pprof protobuf profiles ({@code profile.proto}, as {@code go tool pprof} reads them) of every kind Go
 * writes: CPU, heap, allocs, goroutine, threadcreate, block, mutex and Go 1.26's goroutineleak, plus any other
 * producer's. Gzip is unwrapped before (by {@link dev.goroscope.importers.Importers}). The pre-protobuf legacy
 * formats (binary CPU profiles, heap and contention text) are not read: opening one says so and how to convert it.
 */
public final class PprofImporter implements Importer {
    @Override
    public String name() {
        return "pprof profile";
    }

    /**
     * YES or MAYBE for what can start a protobuf profile (see {@link PprofSniffer}); MAYBE too for the legacy
     * formats, so that opening one explains that they are not supported (an importer that reads them wins).
     */
    @Override
    public Confidence sniff(byte[] head, int length) {
        Confidence c = PprofSniffer.sniff(head, length);
        return c == Confidence.NO && LegacyProfiles.describe(head, length) != null ? Confidence.MAYBE : c;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String file = source.name();
        try {
            refuseLegacy(source);
            RawProfile raw;
            try (InputStream in = source.open()) {
                raw = new PprofDecoder(file, progress, source.length(), source.limits()).decode(in);
            }
            PprofResolver resolver = new PprofResolver(file, raw, source.limits(),
                    new Checkpoint(progress, file, source.length()));
            Profile profile = resolver.resolve();
            return Dataset.ofProfiles(file, "pprof protobuf (" + profile.kind() + ")",
                    goVersion(profile.meta().comments()), resolver.warnings(), List.of(profile));
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }

    private static void refuseLegacy(ImportSource source) throws IOException, ImportException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(64);
        }
        String legacy = LegacyProfiles.describe(head, head.length);
        if (legacy != null) {
            throw ImportException.atByte(source.name(), 0, "this is " + legacy + ", which Goroscope does not read; "
                    + "convert it with: go tool pprof -proto FILE > FILE.pb.gz");
        }
    }

    /** A Go version such as "go1.26.0" if a comment names one (Go itself writes none; some tools do). */
    static String goVersion(List<String> comments) {
        for (String c : comments) {
            int i = c.indexOf("go1.");
            while (i >= 0) {
                int end = i + 4;
                while (end < c.length() && (Character.isDigit(c.charAt(end)) || c.charAt(end) == '.')) {
                    end++;
                }
                boolean atWordStart = i == 0 || !Character.isLetterOrDigit(c.charAt(i - 1));
                if (atWordStart && end > i + 4 && Character.isDigit(c.charAt(i + 4))) {
                    String v = c.substring(i, end);
                    return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
                }
                i = c.indexOf("go1.", i + 1);
            }
        }
        return null;
    }
}
