package dev.goroscope.importers.trace;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered byte stream that knows its offset, with Go's unsigned LEB128 varints. Varints may be padded (the
 * runtime reserves 10 bytes and back-patches them), so non-minimal encodings are accepted.
 */
public final class TraceInput {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumedBefore;

    public TraceInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far: the offset of the next byte. */
    public long offset() {
        return consumedBefore + pos;
    }

    /** The next byte (0..255), or -1 at the end of the stream. */
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Reads exactly {@code n} bytes into {@code dst[off..]}; returns how many were there (less at the end). */
    public int readFully(byte[] dst, int off, int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (pos == limit && !fill()) {
                break;
            }
            int k = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, dst, off + done, k);
            pos += k;
            done += k;
        }
        return done;
    }

    /** Skips up to {@code n} bytes; returns how many were skipped. */
    public long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (pos == limit && !fill()) {
                break;
            }
            int k = (int) Math.min(n - done, limit - pos);
            pos += k;
            done += k;
        }
        return done;
    }

    /**
     * An unsigned varint of at most 10 bytes, as Go's {@code binary.ReadUvarint}.
     *
     * @throws TraceFormatException at the end of the stream or on overflow, naming {@code what}
     */
    public long readUvarint(String what) throws IOException, TraceFormatException {
        long start = offset();
        long x = 0;
        int s = 0;
        for (int i = 0; i < 10; i++) {
            int b = read();
            if (b < 0) {
                throw new TraceFormatException(start, "file ends inside " + what);
            }
            if (b < 0x80) {
                if (i == 9 && b > 1) {
                    throw new TraceFormatException(start, "varint overflows 64 bits in " + what);
                }
                return x | (long) b << s;
            }
            x |= (long) (b & 0x7f) << s;
            s += 7;
        }
        throw new TraceFormatException(start, "varint overflows 64 bits in " + what);
    }

    private boolean fill() throws IOException {
        consumedBefore += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
