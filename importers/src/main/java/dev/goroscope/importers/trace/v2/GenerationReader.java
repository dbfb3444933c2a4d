package dev.goroscope.importers.trace.v2;

import static dev.goroscope.importers.trace.v2.EventSpecs.*;

import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.trace.ReadStopped;
import dev.goroscope.importers.trace.TraceFormatException;
import dev.goroscope.importers.trace.TraceInput;
import dev.goroscope.importers.trace.Varints;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a v2 trace one generation at a time. Up to Go 1.25 a generation ends where a batch of the next generation
 * begins (that batch is kept for the next call); from Go 1.26 it ends at an EndOfGeneration byte. Strings, stacks,
 * CPU samples and the clock frequency are decoded here; event batches are kept as bytes for the ordering.
 */
final class GenerationReader {
    /** A generation whose batches add up to more than this is refused rather than risking the heap. */
    static final long MAX_GENERATION_BYTES = 1L << 30;

    private final TraceInput in;
    private final int minor;
    private final StackTable stackTable;
    private final int maxStrings;
    private final FrameTable frames;
    private Batch spill;
    private long spillOffset;
    /** A batch that could not be read after a generation had begun (reported once that generation is used). */
    private TraceFormatException pending;
    private boolean done;
    private final int[] len = new int[1];

    /**
     * @param maxStrings the most strings one generation may define (the import's limit)
     */
    GenerationReader(TraceInput in, int minor, StackTable stackTable, int maxStrings) {
        this.in = in;
        this.minor = minor;
        this.maxStrings = maxStrings;
        this.stackTable = stackTable;
        this.frames = stackTable.frames();
    }

    /** A problem met while reading ahead (e.g. the file ends inside a batch), or null. */
    TraceFormatException pendingProblem() {
        return pending;
    }

    /** The next generation, or null at the end of the trace. */
    Generation next() throws IOException, TraceFormatException {
        if (pending != null) {
            TraceFormatException e = pending;
            pending = null;
            done = true;
            throw e;
        }
        if (done) {
            return null;
        }
        return minor >= 26 ? readTerminated() : readWithSpill();
    }

    private Generation readTerminated() throws IOException, TraceFormatException {
        Builder g = new Builder(in.offset());
        while (true) {
            long at = in.offset();
            Batch b = readBatch();
            if (b == null) {
                done = true;
                if (g.batchCount > 0) {
                    throw new TraceFormatException(at, "trace ends inside generation " + g.gen
                            + " (no end-of-generation marker)");
                }
                return null;
            }
            if (g.gen == 0) {
                g.gen = b.gen();
            }
            if (b == END_OF_GENERATION) {
                break;
            }
            if (b.gen() == 0) {
                throw new TraceFormatException(at, "invalid generation number 0");
            }
            if (b.gen() != g.gen) {
                throw new TraceFormatException(at, "batch of generation " + b.gen() + " inside generation " + g.gen
                        + " (missing end-of-generation marker, or generations interleaved)");
            }
            g.add(b, at);
        }
        return g.finish(in.offset(), true, false);
    }

    private Generation readWithSpill() throws IOException, TraceFormatException {
        Builder g = new Builder(spill != null ? spillOffset : in.offset());
        if (spill != null) {
            g.gen = spill.gen();
            g.add(spill, spillOffset);
            spill = null;
        }
        while (true) {
            long at = in.offset();
            Batch b;
            try {
                b = readBatch();
            } catch (TraceFormatException e) {
                if (g.gen != 0) {
                    pending = e;
                    break;
                }
                throw e;
            }
            if (b == null) {
                done = true;
                break;
            }
            if (b.gen() == 0) {
                throw new TraceFormatException(at, "invalid generation number 0");
            }
            if (g.gen == 0) {
                g.gen = b.gen();
            }
            if (b.gen() == g.gen + 1) {
                spill = b;
                spillOffset = at;
                break;
            }
            if (b.gen() != g.gen) {
                throw new TraceFormatException(at, "generation " + b.gen() + " after generation " + g.gen
                        + " (generations out of order)");
            }
            g.add(b, at);
        }
        if (g.batchCount == 0 && done && pending == null) {
            throw new TraceFormatException(in.offset(), "the trace has no events");
        }
        return g.finish(spill != null ? spillOffset : in.offset(), minor >= 25, pending != null);
    }

    private static final Batch END_OF_GENERATION = new Batch(0, Batch.NO_THREAD, 0, new byte[] {EV_END_OF_GENERATION}, 0, 0);

    /** The next batch, {@link #END_OF_GENERATION}, or null at a clean end of the file. */
    private Batch readBatch() throws IOException, TraceFormatException {
        long at = in.offset();
        int type = in.read();
        if (type < 0) {
            return null;
        }
        if (type == EV_END_OF_GENERATION && minor >= 26) {
            return END_OF_GENERATION;
        }
        if (type != EV_EVENT_BATCH && type != EV_EXPERIMENTAL_BATCH) {
            throw new TraceFormatException(at, "expected the start of a batch, found byte " + type);
        }
        int experiment = 0;
        if (type == EV_EXPERIMENTAL_BATCH) {
            experiment = in.read();
            if (experiment < 0) {
                throw new TraceFormatException(at, "file ends inside a batch header");
            }
        }
        long gen = in.readUvarint("a batch header");
        long m = in.readUvarint("a batch header");
        long time = in.readUvarint("a batch header");
        long size = in.readUvarint("a batch header");
        if (size < 0 || size > MAX_BATCH_SIZE) {
            throw new TraceFormatException(at, "batch size " + Long.toUnsignedString(size) + " is over the limit of "
                    + MAX_BATCH_SIZE);
        }
        byte[] data = new byte[(int) size];
        long dataOffset = in.offset();
        int n = in.readFully(data, 0, data.length);
        if (n != data.length) {
            throw new TraceFormatException(dataOffset + n, "file ends inside a batch (" + n + " of " + size
                    + " bytes)");
        }
        return new Batch(gen, m, time, data, dataOffset, experiment);
    }

    /** Accumulates the batches of one generation. */
    private final class Builder {
        final long offset;
        long gen;
        long minTs;
        long bytes;
        int batchCount;
        double nsPerTick;
        boolean hasFrequency;
        boolean hasClockSnapshot;
        final Map<Long, List<Batch>> byThread = new LinkedHashMap<>();
        final IdTable<String> strings = new IdTable<>();
        final IdTable<long[]> rawStacks = new IdTable<>();
        long[][] cpu = new long[5][16];
        int cpuCount;

        Builder(long offset) {
            this.offset = offset;
        }

        void add(Batch b, long at) throws TraceFormatException, ReadStopped {
            batchCount++;
            bytes += b.data().length;
            if (bytes > MAX_GENERATION_BYTES) {
                throw new TraceFormatException(at, "generation " + gen + " is larger than " + MAX_GENERATION_BYTES
                        + " bytes");
            }
            if (minTs == 0 || Long.compareUnsigned(b.time(), minTs) < 0) {
                minTs = b.time();
            }
            if (b.isKind(EV_STRINGS)) {
                readStrings(b);
            } else if (b.isKind(EV_STACKS)) {
                readStacks(b);
            } else if (b.isKind(EV_CPU_SAMPLES)) {
                readCpuSamples(b);
            } else if (minor < 25 && b.isKind(EV_FREQUENCY) || minor >= 25 && b.isKind(EV_SYNC)) {
                readSync(b);
            } else if (b.experiment() == 0) {
                byThread.computeIfAbsent(b.m(), k -> new ArrayList<>()).add(b);
            }
        }

        private long varint(Batch b, int[] pos, String what) throws TraceFormatException {
            long v = Varints.uvarint(b.data(), pos[0], b.data().length, len);
            if (len[0] <= 0) {
                throw new TraceFormatException(b.dataOffset() + pos[0], (len[0] == 0 ? "batch ends inside " : "bad varint in ")
                        + what);
            }
            pos[0] += len[0];
            return v;
        }

        private int expect(Batch b, int[] pos, int type, String what) throws TraceFormatException {
            int t = b.data()[pos[0]] & 0xff;
            if (t != type) {
                throw new TraceFormatException(b.dataOffset() + pos[0], "expected " + what + " event, found type " + t);
            }
            return pos[0]++;
        }

        private void readStrings(Batch b) throws TraceFormatException, ReadStopped {
            byte[] d = b.data();
            int[] pos = {1};
            while (pos[0] < d.length) {
                int at = expect(b, pos, EV_STRING, "a string");
                if (strings.size() == maxStrings) {
                    throw ReadStopped.overLimit(b.dataOffset() + at, ImportLimits.tooManyStringsProblem(maxStrings));
                }
                long id = varint(b, pos, "a string");
                long n = varint(b, pos, "a string");
                if (n < 0 || n > MAX_STRING_SIZE) {
                    throw new TraceFormatException(b.dataOffset() + at, "string of " + Long.toUnsignedString(n)
                            + " bytes is over the limit of " + MAX_STRING_SIZE);
                }
                if (pos[0] + n > d.length) {
                    throw new TraceFormatException(b.dataOffset() + at, "batch ends inside a string");
                }
                String s = new String(d, pos[0], (int) n, StandardCharsets.UTF_8);
                pos[0] += (int) n;
                if (id == 0 || !strings.put(id, s)) {
                    throw new TraceFormatException(b.dataOffset() + at, "string id " + Long.toUnsignedString(id)
                            + " defined twice");
                }
            }
        }

        private void readStacks(Batch b) throws TraceFormatException {
            byte[] d = b.data();
            int[] pos = {1};
            while (pos[0] < d.length) {
                int at = expect(b, pos, EV_STACK, "a stack");
                long id = varint(b, pos, "a stack");
                long n = varint(b, pos, "a stack");
                if (n < 0 || n > MAX_FRAMES_PER_STACK) {
                    throw new TraceFormatException(b.dataOffset() + at, "stack of " + Long.toUnsignedString(n)
                            + " frames is over the limit of " + MAX_FRAMES_PER_STACK);
                }
                long[] f = new long[(int) n * 4];
                for (int i = 0; i < f.length; i++) {
                    f[i] = varint(b, pos, "a stack frame");
                }
                if (id == 0 || !rawStacks.put(id, f)) {
                    throw new TraceFormatException(b.dataOffset() + at, "stack id " + Long.toUnsignedString(id)
                            + " defined twice");
                }
            }
        }

        private void readCpuSamples(Batch b) throws TraceFormatException {
            byte[] d = b.data();
            int[] pos = {1};
            while (pos[0] < d.length) {
                expect(b, pos, EV_CPU_SAMPLE, "a CPU sample");
                if (cpuCount == cpu[0].length) {
                    for (int k = 0; k < 5; k++) {
                        cpu[k] = Arrays.copyOf(cpu[k], cpuCount * 2);
                    }
                }
                for (int k = 0; k < 5; k++) {
                    cpu[k][cpuCount] = varint(b, pos, "a CPU sample");
                }
                cpuCount++;
            }
        }

        private void readSync(Batch b) throws TraceFormatException {
            byte[] d = b.data();
            int[] pos = {minor >= 25 ? 1 : 0};
            while (pos[0] < d.length) {
                int at = pos[0];
                int t = d[pos[0]++] & 0xff;
                if (t == EV_FREQUENCY) {
                    if (hasFrequency) {
                        throw new TraceFormatException(b.dataOffset() + at, "two frequency events in one generation");
                    }
                    hasFrequency = true;
                    long f = varint(b, pos, "the frequency");
                    nsPerTick = 1.0 / (Generation.unsignedToDouble(f) / 1e9);
                } else if (t == EV_CLOCK_SNAPSHOT && minor >= 25) {
                    if (hasClockSnapshot) {
                        throw new TraceFormatException(b.dataOffset() + at, "two clock snapshots in one generation");
                    }
                    hasClockSnapshot = true;
                    for (int k = 0; k < 4; k++) {
                        varint(b, pos, "a clock snapshot");
                    }
                } else {
                    throw new TraceFormatException(b.dataOffset() + at, "expected a frequency or clock snapshot event, found type " + t);
                }
            }
        }

        /**
         * @param cut the file ends inside this generation: its string and stack tables may be incomplete, so
         *            missing entries read as empty instead of failing the generation
         */
        Generation finish(long endOffset, boolean needClockSnapshot, boolean cut) throws TraceFormatException {
            if (!hasFrequency) {
                throw new TraceFormatException(offset, "generation " + gen + " has no frequency event");
            }
            if (needClockSnapshot && !hasClockSnapshot) {
                throw new TraceFormatException(offset, "generation " + gen + " has no clock snapshot");
            }
            strings.compact();
            IdTable<Integer> stacks = translateStacks(cut);
            long[][] c = new long[5][];
            for (int k = 0; k < 5; k++) {
                c[k] = Arrays.copyOf(cpu[k], cpuCount);
            }
            sortCpuSamples(c);
            long[] threads = new long[byThread.size()];
            List<List<Batch>> batches = new ArrayList<>(byThread.size());
            int i = 0;
            for (Map.Entry<Long, List<Batch>> e : byThread.entrySet()) {
                threads[i++] = e.getKey();
                batches.add(e.getValue());
            }
            return new Generation(gen, nsPerTick, minTs, threads, batches, strings, stacks, c, offset,
                    endOffset - offset, cut);
        }

        private IdTable<Integer> translateStacks(boolean cut) throws TraceFormatException {
            IdTable<Integer> out = new IdTable<>();
            Map<Long, Integer> frameOfPc = new HashMap<>();
            int[] leafFirst = new int[MAX_FRAMES_PER_STACK];
            for (Map.Entry<Long, long[]> e : rawStacks.entries()) {
                long[] f = e.getValue();
                int n = f.length / 4;
                for (int k = 0; k < n; k++) {
                    long pc = f[4 * k];
                    Integer frame = frameOfPc.get(pc);
                    if (frame == null) {
                        String fn = strings.get(f[4 * k + 1]);
                        String file = strings.get(f[4 * k + 2]);
                        if (!cut && (fn == null && f[4 * k + 1] != 0 || file == null && f[4 * k + 2] != 0)) {
                            throw new TraceFormatException(offset, "stack " + e.getKey() + " names a string that is "
                                    + "not in generation " + gen);
                        }
                        frame = frames.intern(fn == null ? "" : fn, file == null ? "" : file, (int) f[4 * k + 3]);
                        frameOfPc.put(pc, frame);
                    }
                    leafFirst[k] = frame;
                }
                out.put(e.getKey(), stackTable.internLeafFirst(leafFirst, n));
            }
            out.compact();
            return out;
        }

        private void sortCpuSamples(long[][] c) {
            int n = c[0].length;
            for (int k = 0; k < n; k++) {
                c[0][k] = (long) (Generation.unsignedToDouble(c[0][k]) * nsPerTick);
            }
            boolean sorted = true;
            for (int k = 1; k < n && sorted; k++) {
                sorted = c[0][k - 1] <= c[0][k];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> Long.compare(c[0][x], c[0][y]));
            for (int col = 0; col < 5; col++) {
                long[] src = c[col];
                long[] dst = new long[n];
                for (int k = 0; k < n; k++) {
                    dst[k] = src[order[k]];
                }
                c[col] = dst;
            }
        }
    }
}
