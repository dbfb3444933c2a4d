package dev.goroscope.importers.dump;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands out the lines of a stream as ranges of one reused buffer ({@link #buffer()}, {@link #from()},
 * {@link #to()}, without the newline or a CR before it), so reading a line allocates nothing.
 */
final class LineReader {
    private final String file;
    private final InputStream in;
    private final ImportLimits limits;
    private byte[] buf = new byte[64 * 1024];
    private int start;
    private int limit;
    private boolean eof;
    private int from;
    private int to;
    private long line;
    private long offset;

    /** Reads {@code in}, refusing lines longer than {@link ImportLimits#maxLineBytes()}: no text profile has them. */
    LineReader(String file, InputStream in, ImportLimits limits) {
        this.file = file;
        this.in = in;
        this.limits = limits;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException, ImportException {
        int scanFrom = start;
        while (true) {
            int nl = Bytes.indexOfNewline(buf, scanFrom, limit);
            if (nl >= 0) {
                if (nl - start > limits.maxLineBytes()) {
                    throw limits.lineTooLong(file, line + 1);
                }
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

    private void fill() throws IOException, ImportException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit > limits.maxLineBytes()) {
            throw limits.lineTooLong(file, line + 1);
        }
        if (limit == buf.length) {
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
