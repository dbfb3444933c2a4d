package dev.goroscope.importers.trace.v2;

import dev.goroscope.importers.trace.TraceFormatException;
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
    private byte[] cur;
    private long curOffset;

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
        byte[] d = cur;
        if (d == null || dataOff == d.length) {
            if (!nextBatch()) {
                return false;
            }
            d = cur;
            lastTs = g.ns(batches.get(idx).time());
        }
        int p = dataOff;
        offset = curOffset + p;
        int t = d[p++] & 0xff;
        if (!EventSpecs.isTimed(t, minor)) {
            throw new TraceFormatException(offset, "unknown or misplaced event type " + t + " in an event batch of Go 1."
                    + minor);
        }
        int n = EventSpecs.argCount(t);
        long dt = 0;
        for (int i = -1; i < n; i++) {
            long x = 0;
            int shift = 0;
            int k = 0;
            while (true) {
                if (p >= d.length || k == 10) {
                    throw new TraceFormatException(offset, "bad varint in " + EventSpecs.name(t));
                }
                int b = d[p++];
                x |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    if (k == 9 && b > 1) {
                        throw new TraceFormatException(offset, "varint overflows 64 bits in " + EventSpecs.name(t));
                    }
                    break;
                }
                shift += 7;
                k++;
            }
            if (i < 0) {
                dt = x;
            } else {
                args[i] = x;
            }
        }
        type = t;
        time = g.ns(dt) + lastTs;
        lastTs = time;
        dataOff = p;
        return true;
    }

    /** Moves to the next non-empty batch; false when there is none. */
    private boolean nextBatch() {
        while (true) {
            if (cur != null) {
                idx++;
            }
            if (idx >= batches.size()) {
                cur = null;
                return false;
            }
            Batch b = batches.get(idx);
            cur = b.data();
            curOffset = b.dataOffset();
            dataOff = 0;
            if (cur.length > 0) {
                return true;
            }
        }
    }

    /** Bytes of this thread's batches not yet decoded. */
    long remainingBytes() {
        long r = 0;
        for (int i = idx; i < batches.size(); i++) {
            r += batches.get(i).data().length - (i == idx && cur != null ? dataOff : 0);
        }
        return r;
    }
}
