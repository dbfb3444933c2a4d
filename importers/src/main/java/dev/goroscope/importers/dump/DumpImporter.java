package dev.goroscope.importers.dump;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Goroutine dumps in every form the runtime prints them: {@code /debug/pprof/goroutine?debug=2},
 * {@code runtime.Stack(buf, true)}, panic and {@code fatal error} tracebacks at any GOTRACEBACK level, SIGQUIT
 * dumps, also when embedded in other log text or cut off. The file is read in chunks cut at goroutine headers;
 * chunks are parsed on all cores into chunk-local tables and merged in file order.
 */
public final class DumpImporter implements Importer {
    static final int CHUNK_SIZE = 8 << 20;

    private final int threads;
    private final int chunkSize;

    public DumpImporter() {
        this(Runtime.getRuntime().availableProcessors(), CHUNK_SIZE);
    }

    /** With a given parallelism and chunk size (small chunks let tests exercise the splitting). */
    public DumpImporter(int threads, int chunkSize) {
        this.threads = Math.max(1, threads);
        this.chunkSize = Math.max(1024, chunkSize);
    }

    @Override
    public String name() {
        return "goroutine dump";
    }

    @Override
    public Confidence sniff(byte[] head, int length) {
        int pos = 0;
        while (pos < length) {
            int nl = Bytes.indexOfNewline(head, pos, length);
            if (nl < 0) {
                return Confidence.NO;
            }
            int le = nl > pos && head[nl - 1] == '\r' ? nl - 1 : nl;
            if (HeaderLine.isHeader(head, pos, le)) {
                return Confidence.YES;
            }
            pos = nl + 1;
        }
        return Confidence.NO;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String name = source.name();
        ImportLimits limits = source.limits();
        DumpMerger merger = new DumpMerger();
        ChunkReader reader = null;
        try (InputStream in = source.open()) {
            reader = new ChunkReader(in, chunkSize);
            ChunkReader.Chunk first = reader.next();
            if (first.last() && first.length() == 0) {
                throw ImportException.atByte(name, 0, "the file is empty");
            }
            if (first.last() || threads == 1) {
                for (ChunkReader.Chunk c = first; c != null; c = reader.next()) {
                    checkCancelled(name, progress, c.offset());
                    merger.add(parse(c, limits));
                    reader.recycle(c);
                    progress.update(reader.offset(), source.length());
                    checkCancelled(name, progress, reader.offset());
                }
            } else {
                readParallel(name, reader, first, merger, limits, progress, source.length());
            }
        } catch (IOException e) {
            long at = reader == null ? 0 : reader.offset();
            throw ImportException.atByte(name, at, "cannot read: " + describe(e));
        }
        if (merger.goroutines() == 0) {
            throw ImportException.atLine(name, merger.lines(),
                    "no goroutine header ('goroutine N [status]:') in the whole file");
        }
        List<String> preamble = merger.preamble();
        return Dataset.ofDump(name, format(preamble), null, merger.warnings(), merger.build());
    }

    private void readParallel(String name, ChunkReader reader, ChunkReader.Chunk first, DumpMerger merger,
            ImportLimits limits, Progress progress, long total) throws IOException, ImportException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dump-parser");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
        ArrayDeque<ChunkReader.Chunk> chunks = new ArrayDeque<>();
        try {
            for (ChunkReader.Chunk c = first; c != null; c = reader.next()) {
                checkCancelled(name, progress, c.offset());
                ChunkReader.Chunk chunk = c;
                inFlight.add(pool.submit(() -> parse(chunk, limits)));
                chunks.add(c);
                while (inFlight.size() > threads) {
                    merger.add(take(name, inFlight.poll(), reader, chunks.poll()));
                }
                progress.update(reader.offset(), total);
                checkCancelled(name, progress, reader.offset());
            }
            while (!inFlight.isEmpty()) {
                merger.add(take(name, inFlight.poll(), reader, chunks.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChunkResult parse(ChunkReader.Chunk c, ImportLimits limits) {
        return new ChunkParser(c.bytes(), 0, c.length(), c.first(), c.last(), limits).parse();
    }

    /** The parsed chunk, once done; its buffer goes back to the reader. */
    private static ChunkResult take(String name, Future<ChunkResult> f, ChunkReader reader, ChunkReader.Chunk chunk)
            throws ImportException {
        try {
            ChunkResult r = f.get();
            reader.recycle(chunk);
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ImportException.atByte(name, chunk.offset(), "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ImportException(name, "byte " + chunk.offset(),
                    "cannot parse the goroutines from here: " + e.getCause(), e.getCause());
        }
    }

    /** Checked before parsing a chunk, and again after reporting progress so as not to read the next one. */
    private static void checkCancelled(String name, Progress progress, long offset) throws ImportException {
        if (progress.cancelled()) {
            throw ImportException.atByte(name, offset, "cancelled");
        }
    }

    /** "goroutine dump", or with what the preamble says it is: "goroutine dump (panic)", "(fatal error)", "(SIGQUIT)". */
    static String format(List<String> preamble) {
        for (String line : preamble) {
            if (line.startsWith("panic: ")) {
                return "goroutine dump (panic)";
            }
            if (line.startsWith("fatal error: ")) {
                return "goroutine dump (fatal error)";
            }
            if (line.startsWith("SIG")) {
                return "goroutine dump (" + line.substring(0, line.indexOf(':')) + ")";
            }
        }
        return "goroutine dump";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
