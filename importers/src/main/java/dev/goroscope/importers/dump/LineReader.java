package dev.goroscope.importers.dump;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands out the lines of a stream as ranges of one reused buffer ({@link #buffer()}, {@link #from()},
 * {@link #to()}, without the newline or a CR before it), so reading a line allocates nothing.
 */
final class LineReader {
    /** Longer lines are an error: no text profile has them. */
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int start;
    private int limit;
    private boolean eof;
    private int from;
    private int to;
    private long line;
    private long offset;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. Throws when a line exceeds {@link #MAX_LINE}. */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            int nl = Bytes.indexOfNewline(buf, scanFrom, limit);
            if (nl >= 0) {
                return take(nl, nl + 1);
            }
            if (eof) {
                return start < limit && take(limit, limit);
            }
            int scanned = limit - start;
            fill();
            scanFrom = start + scanned;
        }
    }

    private boolean take(int lineEnd, int next) {
        from = start;
        to = lineEnd > from && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        offset += next - start;
        start = next;
        line++;
        return true;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new IOException("line " + (line + 1) + " is longer than " + (MAX_LINE >> 20) + " MB");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /** The current line's number, from 1. */
    long lineNumber() {
        return line;
    }

    /** Bytes consumed so far. */
    long offset() {
        return offset;
    }
}
