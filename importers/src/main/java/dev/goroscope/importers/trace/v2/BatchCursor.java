package dev.goroscope.importers.trace.v2;

import dev.goroscope.importers.trace.TraceFormatException;
import dev.goroscope.importers.trace.Varints;
import java.util.List;

/**
 * Walks the event batches of one thread (M) in one generation, decoding one timed event at a time: its type, its
 * time in nanoseconds (batch start plus deltas, converted as Go's reader does) and its arguments.
 */
final class BatchCursor {
    final long m;
    final int thread;
    private final List<Batch> batches;
    private final int minor;
    private int idx;
    private int dataOff;
    private long lastTs;
    private final int[] len = new int[1];

    int type;
    long time;
    final long[] args = new long[5];
    /** File offset of the current event. */
    long offset;

    BatchCursor(long m, int thread, List<Batch> batches, int minor) {
        this.m = m;
        this.thread = thread;
        this.batches = batches;
        this.minor = minor;
    }

    /** Decodes the next event; false when this thread has no more. */
    boolean next(Generation g) throws TraceFormatException {
        while (idx < batches.size() && batches.get(idx).data().length == dataOff) {
            idx++;
            dataOff = 0;
            lastTs = 0;
        }
        if (idx == batches.size()) {
            return false;
        }
        Batch b = batches.get(idx);
        if (lastTs == 0) {
            lastTs = g.ns(b.time());
        }
        byte[] d = b.data();
        offset = b.dataOffset() + dataOff;
        int t = d[dataOff] & 0xff;
        if (!EventSpecs.isTimed(t, minor)) {
            throw new TraceFormatException(offset, "unknown or misplaced event type " + t + " in an event batch of Go 1."
                    + minor);
        }
        int p = dataOff + 1;
        long dt = Varints.uvarint(d, p, d.length, len);
        if (len[0] <= 0) {
            throw new TraceFormatException(offset, "bad time delta in " + EventSpecs.name(t));
        }
        p += len[0];
        int n = EventSpecs.argCount(t);
        for (int i = 0; i < n; i++) {
            args[i] = Varints.uvarint(d, p, d.length, len);
            if (len[0] <= 0) {
                throw new TraceFormatException(offset, "bad argument in " + EventSpecs.name(t));
            }
            p += len[0];
        }
        type = t;
        time = g.ns(dt) + lastTs;
        lastTs = time;
        dataOff = p;
        return true;
    }

    /** Bytes of this thread's batches not yet decoded. */
    long remainingBytes() {
        long r = 0;
        for (int i = idx; i < batches.size(); i++) {
            r += batches.get(i).data().length - (i == idx ? dataOff : 0);
        }
        return r;
    }
}
