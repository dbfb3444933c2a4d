package dev.goroscope.importers.trace.v2;

import dev.goroscope.model.stack.StackTable;
import java.util.List;

/**
 * One generation: a self-contained slice of the trace with its own string and stack tables, its CPU samples, its
 * clock frequency and the event batches of each thread (in the order the threads first appear).
 */
final class Generation {
    final long gen;
    /** Nanoseconds per clock unit, computed as Go does (1 / (freq / 1e9)). */
    final double nsPerTick;
    /** The earliest batch start, in clock units. */
    final long minTs;
    final long[] threads;
    final List<List<Batch>> batches;
    final IdTable<String> strings;
    /** Trace stack id to model stack id; a missing id is not in the table. */
    final IdTable<Integer> stacks;
    final long[] cpuTime;
    final long[] cpuM;
    final long[] cpuP;
    final long[] cpuG;
    final long[] cpuStack;
    /** Bytes of the file this generation spans (for the share of events lost in a broken one). */
    final long bytes;
    /** Where the generation starts in the file. */
    final long offset;
    /** The file ends inside this generation: ids missing from its tables read as none. */
    final boolean cut;

    Generation(long gen, double nsPerTick, long minTs, long[] threads, List<List<Batch>> batches,
            IdTable<String> strings, IdTable<Integer> stacks, long[][] cpu, long offset, long bytes, boolean cut) {
        this.gen = gen;
        this.nsPerTick = nsPerTick;
        this.minTs = minTs;
        this.threads = threads;
        this.batches = batches;
        this.strings = strings;
        this.stacks = stacks;
        this.cpuTime = cpu[0];
        this.cpuM = cpu[1];
        this.cpuP = cpu[2];
        this.cpuG = cpu[3];
        this.cpuStack = cpu[4];
        this.offset = offset;
        this.bytes = bytes;
        this.cut = cut;
    }

    /** Clock units to nanoseconds exactly as Go's reader: {@code (int64)(float64(t) * nsPerTick)}. */
    long ns(long ticks) {
        return (long) (unsignedToDouble(ticks) * nsPerTick);
    }

    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** The model stack of trace stack {@code id} (0 = none). */
    int stack(long id) {
        if (id == 0) {
            return StackTable.EMPTY;
        }
        Integer s = stacks.get(id);
        return s == null ? StackTable.EMPTY : s;
    }
}
