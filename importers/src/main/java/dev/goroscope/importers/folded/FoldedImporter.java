package dev.goroscope.importers.folded;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.support.ByteSliceTable;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.LineReader;
import dev.goroscope.importers.support.ReadErrors;
import dev.goroscope.importers.support.TextDecoding;
import dev.goroscope.importers.support.WeightColumn;
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
 * Brendan Gregg's folded ("collapsed") stacks, as stackcollapse-*.pl, async-profiler, austin, inferno or
 * speedscope write them: one {@code root;…;leaf count} line per stack (see {@link FoldedLine} for the rules). The
 * result is one profile of kind "folded" with one sample per line: {@code samples/count}, or for a differential
 * file the two columns {@code before/count} and {@code after/count} (after shown first). Lines that are not stacks
 * are skipped with a warning, as flamegraph.pl does, unless no line is a stack or the file ends inside such a
 * line (cut off). A file cut right after a digit of its last count cannot be told from a complete one.
 */
public final class FoldedImporter implements Importer {
    @Override
    public String name() {
        return "folded stacks";
    }

    @Override
    public Confidence sniff(byte[] head, int length) {
        byte[] text = TextDecoding.utf8Head(head, length);
        boolean whole = length < Importers.HEAD_BYTES;
        FoldedLine line = new FoldedLine();
        int stacks = 0;
        int invalid = 0;
        boolean nested = false;
        int columns = 0;
        int from = 0;
        for (int checked = 0; from < text.length && checked < 64; checked++) {
            int nl = indexOf(text, (byte) '\n', from);
            if (nl < 0 && !whole) {
                break;
            }
            int to = nl < 0 ? text.length : nl;
            int end = to > from && text[to - 1] == '\r' ? to - 1 : to;
            if (indexOf(text, (byte) 0, from, end) >= 0) {
                return Confidence.NO;
            }
            FoldedLine.Kind k = line.parse(text, from, end, columns == 0 ? 1 : columns);
            if (k == FoldedLine.Kind.STACK) {
                if (columns == 0) {
                    columns = line.stackEndsInCount() ? 2 : 1;
                    line.parse(text, from, end, columns);
                }
                stacks++;
                nested |= indexOf(text, (byte) ';', line.stackStart, line.stackEnd) >= 0;
            } else if (k == FoldedLine.Kind.INVALID || k == FoldedLine.Kind.TOO_LARGE) {
                invalid++;
            }
            from = to + 1;
        }
        if (stacks == 0 || stacks < 2 * invalid) {
            return Confidence.NO;
        }
        return nested ? Confidence.YES : Confidence.MAYBE;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String file = source.name();
        try (InputStream in = TextDecoding.utf8(source.open())) {
            return read(file, new LineReader(file, in, source.limits()), source.limits(),
                    new Checkpoint(progress, file, source.length()));
        } catch (IOException e) {
            throw ReadErrors.cannotRead(file, "", e);
        }
    }

    private Dataset read(String file, LineReader lines, ImportLimits limits, Checkpoint checkpoint)
            throws IOException, ImportException {
        StackTable stacks = new StackTable(new FrameTable());
        ByteSliceTable names = new ByteSliceTable();
        int[] frameOfName = new int[256];
        int mapped = 0;
        FoldedLine line = new FoldedLine();
        int columns = 0;
        int[] sampleStack = new int[1024];
        int samples = 0;
        WeightColumn[] weights = {new WeightColumn(), new WeightColumn()};
        long invalid = 0;
        long firstInvalid = 0;
        LongSupplier done = lines::bytesRead;
        while (lines.next()) {
            checkpoint.tick(done);
            byte[] b = lines.buffer();
            FoldedLine.Kind kind = line.parse(b, lines.start(), lines.end(), columns == 0 ? 1 : columns);
            if (kind == FoldedLine.Kind.STACK && columns == 0) {
                columns = line.stackEndsInCount() ? 2 : 1;
                kind = line.parse(b, lines.start(), lines.end(), columns);
            }
            if (kind == FoldedLine.Kind.TOO_LARGE) {
                throw ImportException.atLine(file, lines.lineNumber(), "count too large");
            }
            if (kind == FoldedLine.Kind.INVALID && !lines.terminated()) {
                throw ImportException.atLine(file, lines.lineNumber(),
                        "the file ends inside a line that has no count: cut off?");
            }
            if (kind == FoldedLine.Kind.INVALID) {
                invalid++;
                firstInvalid = firstInvalid == 0 ? lines.lineNumber() : firstInvalid;
            }
            if (kind != FoldedLine.Kind.STACK) {
                continue;
            }
            line.frames();
            if (line.frameCount() > limits.maxStackDepth()) {
                throw limits.stackTooDeep(file, "line " + lines.lineNumber());
            }
            int stack = StackTable.EMPTY;
            for (int f = 0; f < line.frameCount(); f++) {
                int id = names.intern(b, line.frameStart(f), line.frameEnd(f));
                if (id == mapped) {
                    if (mapped == limits.maxStrings()) {
                        throw limits.tooManyStrings(file, "line " + lines.lineNumber());
                    }
                    if (mapped == frameOfName.length) {
                        frameOfName = Arrays.copyOf(frameOfName, mapped * 2);
                    }
                    frameOfName[mapped++] = stacks.frames().intern(names.string(id), "", 0);
                }
                stack = stacks.push(stack, frameOfName[id]);
            }
            if (samples == sampleStack.length) {
                sampleStack = Arrays.copyOf(sampleStack, samples * 2);
            }
            sampleStack[samples++] = stack;
            try {
                for (int c = 0; c < columns; c++) {
                    weights[c].add(line.whole[c], line.thousandths[c]);
                }
            } catch (ArithmeticException e) {
                throw ImportException.atLine(file, lines.lineNumber(), "count too large once fractions are kept");
            }
        }
        if (samples == 0) {
            if (lines.lineNumber() == 0) {
                throw ImportException.atByte(file, 0, "the file is empty");
            }
            throw ImportException.atLine(file, Math.max(firstInvalid, 1),
                    "no folded stack found (expected lines like \"main;work;leaf 42\")");
        }
        if (columns == 2 && weights[0].scaled() != weights[1].scaled()) {
            try {
                weights[0].scale();
                weights[1].scale();
            } catch (ArithmeticException e) {
                throw ImportException.atLine(file, lines.lineNumber(), "counts too large once fractions are kept");
            }
        }
        List<String> warnings = new ArrayList<>();
        if (invalid > 0) {
            warnings.add(invalid + (invalid == 1 ? " line is" : " lines are") + " not a folded stack and "
                    + (invalid == 1 ? "was" : "were") + " skipped (first: line " + firstInvalid + ")");
        }
        return Dataset.ofProfiles(file, columns == 2 ? "folded stacks (differential)" : "folded stacks", null,
                warnings, List.of(profile(stacks, Arrays.copyOf(sampleStack, samples), weights, columns)));
    }

    private static Profile profile(StackTable stacks, int[] sampleStack, WeightColumn[] weights, int columns) {
        String[] types = columns == 2 ? new String[] {"before", "after"} : new String[] {"samples"};
        List<SampleType> sampleTypes = new ArrayList<>();
        long[][] values = new long[columns][];
        for (int c = 0; c < columns; c++) {
            sampleTypes.add(new SampleType(types[c], weights[c].scaled() ? WeightColumn.scaledUnit("count") : "count"));
            values[c] = weights[c].toArray();
        }
        return new Profile("folded", sampleTypes, columns - 1, stacks, sampleStack, values);
    }

    private static int indexOf(byte[] b, byte value, int from) {
        return indexOf(b, value, from, b.length);
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
