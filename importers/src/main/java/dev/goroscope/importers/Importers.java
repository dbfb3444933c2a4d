package dev.goroscope.importers;

import dev.goroscope.importers.chrometrace.ChromeTraceImporter;
import dev.goroscope.importers.dump.DebugOneImporter;
import dev.goroscope.importers.dump.DumpImporter;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.importers.pprof.PprofImporter;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;
import dev.goroscope.importers.support.Deadline;
import dev.goroscope.importers.trace.TraceImporter;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Opens any supported file: unwraps gzip, sniffs the content and hands it to the importer that is surest it is
 * its format. The file name never decides the format.
 */
public final class Importers {
    /** How many bytes of decompressed content the sniffers see. */
    public static final int HEAD_BYTES = 64 * 1024;
    /** The line the race detector starts each report with. */
    private static final byte[] RACE_REPORT = "WARNING: DATA RACE\n".getBytes(StandardCharsets.US_ASCII);

    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** Every importer this build has. */
    public static Importers all() {
        return new Importers(List.of(new DumpImporter(), new DebugOneImporter(), new FoldedImporter(),
                new SpeedscopeImporter(), new ChromeTraceImporter(), new SchedTraceImporter(), new PprofImporter(),
                new TraceImporter()));
    }

    public List<Importer> list() {
        return importers;
    }

    public Dataset open(Path path) throws ImportException {
        return open(path, Progress.NONE);
    }

    public Dataset open(Path path, Progress progress) throws ImportException {
        return read(fileSource(path), progress);
    }

    /** Sniffs {@code source} and reads it with the best importer. */
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        byte[] head = new byte[HEAD_BYTES];
        int n = 0;
        try (InputStream in = source.open()) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) >= 0) {
                n += r;
            }
        } catch (IOException e) {
            throw new ImportException(source.name(), "byte " + n, "cannot read: " + describe(e), e);
        }
        if (n == 0) {
            throw new ImportException(source.name(), "byte 0", "the file is empty");
        }
        Importer best = null;
        Importer.Confidence bestConfidence = Importer.Confidence.NO;
        for (Importer imp : importers) {
            Importer.Confidence c = imp.sniff(head, n);
            if (c.compareTo(bestConfidence) > 0) {
                best = imp;
                bestConfidence = c;
            }
        }
        if (best == null) {
            int race = indexOf(head, n, RACE_REPORT);
            if (race >= 0) {
                throw new ImportException(source.name(), "byte " + race, "a data race report (\"WARNING: DATA RACE\"), "
                        + "which holds the racing accesses' stacks but no goroutine dump; Goroscope reads goroutine "
                        + "dumps, profiles and traces");
            }
            throw new ImportException(source.name(), "byte 0", "not a format Goroscope reads (expected a goroutine dump, "
                    + "pprof profile, Go execution trace, schedtrace log, folded stacks, speedscope or Chrome trace JSON)");
        }
        return readWithin(best, source, progress);
    }

    private static int indexOf(byte[] head, int length, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (head[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Reads with {@code importer} within the time limit of the source's {@link ImportLimits}, turning an exhausted
     * heap into a message: what the importer had built is unreachable once it has thrown, so the application goes
     * on with its memory back.
     */
    private static Dataset readWithin(Importer importer, ImportSource source, Progress progress) throws ImportException {
        Deadline deadline = new Deadline(progress, source.limits().maxTime());
        try {
            return importer.read(source, deadline);
        } catch (ImportException e) {
            if (deadline.expired()) {
                throw source.limits().tookTooLong(source.name(), e.where());
            }
            throw e;
        } catch (OutOfMemoryError e) {
            long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
            long largerGiB = Math.max(1, 2 * heapMiB >> 10);
            throw new ImportException(source.name(), "", "not enough memory to open it (" + heapMiB + " MB heap): "
                    + "give Goroscope a larger heap (GOROSCOPE_XMX=" + largerGiB + "g for the launcher, -Xmx"
                    + largerGiB + "g for java)");
        }
    }

    /** A source over a file on disk, decompressing it when it starts with the gzip magic bytes. */
    public static ImportSource fileSource(Path path) throws ImportException {
        return fileSource(path, ImportLimits.DEFAULT);
    }

    /** {@link #fileSource(Path)} read within {@code limits}. */
    public static ImportSource fileSource(Path path, ImportLimits limits) throws ImportException {
        String name = path.toString();
        boolean gzip;
        long length;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            length = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "", "no such file");
        } catch (IOException e) {
            throw new ImportException(name, "", "cannot read: " + describe(e), e);
        }
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream raw = Files.newInputStream(path);
                return gzip ? limits.inflate().bound(new GZIPInputStream(raw, 64 * 1024), length) : raw;
            }

            @Override
            public long length() {
                return gzip ? -1 : length;
            }

            @Override
            public ImportLimits limits() {
                return limits;
            }
        };
    }

    /** A source over bytes held in memory (a pasted dump, a test input), decompressing gzip likewise. */
    public static ImportSource bytesSource(String name, byte[] content) {
        return bytesSource(name, content, ImportLimits.DEFAULT);
    }

    /** {@link #bytesSource(String, byte[])} read within {@code limits}. */
    public static ImportSource bytesSource(String name, byte[] content, ImportLimits limits) {
        boolean gzip = content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream raw = new java.io.ByteArrayInputStream(content);
                return gzip ? limits.inflate().bound(new GZIPInputStream(raw), content.length) : raw;
            }

            @Override
            public long length() {
                return gzip ? -1 : content.length;
            }

            @Override
            public ImportLimits limits() {
                return limits;
            }
        };
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
