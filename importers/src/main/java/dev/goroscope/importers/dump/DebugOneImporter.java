package dev.goroscope.importers.dump;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@code debug=1} text of count profiles: {@code /debug/pprof/goroutine?debug=1}, {@code threadcreate} and
 * custom {@code pprof.Profile}s. A header {@code NAME profile: total N}, then one record per distinct stack:
 * {@code COUNT @ 0xPC …}, an optional {@code # labels: {…}} line, and one {@code #\t0xPC\tfunc+0xOFF\tfile:line}
 * line per frame, leaf first, columns separated by runs of TABs. Yields a {@link Profile} of kind NAME with one
 * sample type NAME/count. Labels are recognised but not kept yet (the model has no labels).
 */
public final class DebugOneImporter implements Importer {
    private static final String PROFILE_TOTAL = " profile: total ";

    @Override
    public String name() {
        return "pprof text profile (debug=1)";
    }

    @Override
    public Confidence sniff(byte[] head, int length) {
        int pos = 0;
        while (pos < length) {
            int nl = Bytes.indexOfNewline(head, pos, length);
            int le = Bytes.trimEnd(head, pos, nl < 0 ? length : nl);
            if (profileName(head, pos, le) != null) {
                return Confidence.YES;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return Confidence.NO;
    }

    /** The NAME of a {@code NAME profile: total N} line, or null. */
    static String profileName(byte[] b, int from, int to) {
        int sp = Bytes.indexOf(b, from, to, (byte) ' ');
        if (sp <= from || !Bytes.startsWith(b, sp, to, PROFILE_TOTAL)) {
            return null;
        }
        int digits = sp + PROFILE_TOTAL.length();
        if (digits == to || Bytes.digitsEnd(b, digits, to) != to) {
            return null;
        }
        return Bytes.string(b, from, sp);
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String name = source.name();
        LineReader lines = null;
        try (InputStream in = source.open()) {
            lines = new LineReader(name, in, source.limits());
            return parse(name, lines, source.limits(), new Checkpoint(progress, name, source.length()));
        } catch (IOException e) {
            long at = lines == null ? 0 : lines.offset();
            throw ImportException.atByte(name, at, "cannot read: " + (e.getMessage() == null ? e : e.getMessage()));
        }
    }

    private Dataset parse(String name, LineReader lines, ImportLimits limits, Checkpoint checkpoint)
            throws IOException, ImportException {
        String kind = null;
        long declaredTotal = 0;
        while (kind == null && lines.next()) {
            byte[] b = lines.buffer();
            int e = Bytes.trimEnd(b, lines.from(), lines.to());
            if (Bytes.skipBlanks(b, lines.from(), e) == e) {
                continue;
            }
            kind = profileName(b, lines.from(), e);
            if (kind == null) {
                throw ImportException.atLine(name, lines.lineNumber(), "expected 'NAME profile: total N'");
            }
            int digits = Bytes.lastIndexOf(b, lines.from(), e, (byte) ' ') + 1;
            declaredTotal = Bytes.parseLong(b, digits, e);
        }
        if (kind == null) {
            throw ImportException.atByte(name, 0, "the file is empty");
        }
        Records records = new Records(name, limits);
        LongSupplier done = lines::offset;
        while (lines.next()) {
            checkpoint.tick(done);
            records.line(lines.buffer(), lines.from(), lines.to(), lines.lineNumber());
        }
        records.end();
        List<String> warnings = new ArrayList<>(records.warnings);
        long sum = 0;
        for (int i = 0; i < records.count; i++) {
            sum += records.counts[i];
        }
        if (sum != declaredTotal) {
            warnings.add("the header says total " + declaredTotal + " but the records add up to " + sum);
        }
        Profile profile = new Profile(kind, List.of(new SampleType(kind, "count")), 0, records.stacks,
                Arrays.copyOf(records.stackIds, records.count), new long[][] {Arrays.copyOf(records.counts, records.count)});
        return Dataset.ofProfiles(name, kind + " profile (debug=1)", null, warnings, List.of(profile));
    }

    /** Collects records line by line. */
    private static final class Records {
        private static final int MAX_WARNINGS = 20;

        final StackTable stacks = new StackTable();
        final List<String> warnings = new ArrayList<>();
        private final String file;
        private final ImportLimits limits;
        private final FrameTable frames = stacks.frames();
        private final ByteNames functions = new ByteNames(frames.strings(), true);
        private final ByteNames files = new ByteNames(frames.strings(), false);
        private final int noFile = frames.strings().intern("");
        int count;
        long[] counts = new long[64];
        int[] stackIds = new int[64];
        private boolean open;
        private long recordCount;
        private int[] pcFrames = new int[64];
        private int pcDepth;
        private int[] symbolFrames = new int[64];
        private int symbolDepth;

        Records(String file, ImportLimits limits) {
            this.file = file;
            this.limits = limits;
        }

        void line(byte[] b, int from, int to, long lineNo) throws ImportException {
            int e = Bytes.trimEnd(b, from, to);
            int p = Bytes.skipBlanks(b, from, e);
            if (p == e) {
                end();
            } else if (b[p] == '#') {
                if (!open) {
                    warn(lineNo, "a '#' line outside a record");
                } else if (!Bytes.startsWith(b, p, e, "# labels:")) {
                    frameLine(b, p + 1, e, lineNo);
                }
            } else if (Bytes.isDigit(b[p])) {
                end();
                record(b, p, e, lineNo);
            } else if (Bytes.startsWith(b, p, e, "---")) {
                throw ImportException.atLine(file, lineNo, "a legacy mapping section ('---'): not a debug=1 text profile");
            } else {
                warn(lineNo, "not part of a debug=1 record: " + Bytes.string(b, p, Math.min(e, p + 80)));
            }
            if (pcDepth > limits.maxStackDepth() || symbolDepth > limits.maxStackDepth()) {
                throw limits.stackTooDeep(file, "line " + lineNo);
            }
        }

        private void record(byte[] b, int p, int e, long lineNo) {
            int digitsEnd = Bytes.digitsEnd(b, p, e);
            if (!Bytes.startsWith(b, digitsEnd, e, " @")) {
                warn(lineNo, "expected 'COUNT @ 0xPC …'");
                return;
            }
            open = true;
            recordCount = Bytes.parseLong(b, p, digitsEnd);
            pcDepth = 0;
            symbolDepth = 0;
            int i = digitsEnd + 2;
            while (i < e) {
                i = Bytes.skipBlanks(b, i, e);
                int t = i;
                while (t < e && b[t] != ' ' && b[t] != '\t') {
                    t++;
                }
                if (t > i) {
                    pcFrames = push(pcFrames, pcDepth++, frames.intern(functions.intern(b, i, t), noFile, 0));
                }
                i = t;
            }
        }

        /** {@code \t0xPC\tfunc+0xOFF\tfile:line}; only the PC when it could not be symbolised. */
        private void frameLine(byte[] b, int p, int e, long lineNo) {
            int pc = Bytes.skipBlanks(b, p, e);
            int pcEnd = pc;
            while (pcEnd < e && b[pcEnd] != '\t' && b[pcEnd] != ' ') {
                pcEnd++;
            }
            int fn = Bytes.skipBlanks(b, pcEnd, e);
            if (fn == e) {
                symbolFrames = push(symbolFrames, symbolDepth++, frames.intern(functions.intern(b, pc, pcEnd), noFile, 0));
                return;
            }
            int fnEnd = Bytes.indexOf(b, fn, e, (byte) '\t');
            if (fnEnd < 0) {
                fnEnd = e;
            }
            int plus = Bytes.lastIndexOf(b, fn, fnEnd, (byte) '+');
            int nameEnd = plus > fn && Bytes.startsWith(b, plus, fnEnd, "+0x") ? plus : fnEnd;
            int fileFrom = Bytes.skipBlanks(b, fnEnd, e);
            int colon = Bytes.lastIndexOf(b, fileFrom, e, (byte) ':');
            int file = noFile;
            int line = 0;
            if (colon > fileFrom && Bytes.digitsEnd(b, colon + 1, e) == e && colon + 1 < e) {
                file = files.intern(b, fileFrom, colon);
                line = Bytes.parseInt(b, colon + 1, e);
            } else if (fileFrom < e) {
                warn(lineNo, "expected FILE:LINE at the end of the frame line");
            }
            symbolFrames = push(symbolFrames, symbolDepth++, frames.intern(functions.intern(b, fn, nameEnd), file, line));
        }

        void end() {
            if (!open) {
                return;
            }
            open = false;
            int stack = symbolDepth > 0 ? stacks.internLeafFirst(symbolFrames, symbolDepth)
                    : stacks.internLeafFirst(pcFrames, pcDepth);
            if (count == counts.length) {
                counts = Arrays.copyOf(counts, count * 2);
                stackIds = Arrays.copyOf(stackIds, count * 2);
            }
            counts[count] = recordCount;
            stackIds[count] = stack;
            count++;
        }

        private void warn(long lineNo, String message) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add("line " + lineNo + ": " + message);
            }
        }

        private static int[] push(int[] a, int i, int v) {
            int[] out = i == a.length ? Arrays.copyOf(a, i * 2) : a;
            out[i] = v;
            return out;
        }
    }
}
