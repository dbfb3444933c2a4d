package dev.goroscope.importers.support;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a text stream line by line without making a String per line: after {@link #next()} the line is
 * {@code buffer()[start() .. end())}, without its {@code \n} or {@code \r\n}. A line longer than the limit, or a NUL
 * byte (binary data), ends the read with an {@link ImportException} naming the line.
 */
public final class LineReader {
    private final String file;
    private final InputStream in;
    private final ImportLimits limits;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private int scanned;
    private boolean eof;
    private long lineNumber;
    private long bytesRead;
    private int start;
    private int end;
    private boolean terminated;

    /** Reads {@code in}, refusing lines longer than {@link ImportLimits#maxLineBytes()}. */
    public LineReader(String file, InputStream in, ImportLimits limits) {
        this.file = file;
        this.in = in;
        this.limits = limits;
    }

    /** Moves to the next line; false at the end of the stream. */
    public boolean next() throws IOException, ImportException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    if (i - pos > limits.maxLineBytes()) {
                        throw limits.lineTooLong(file, lineNumber + 1);
                    }
                    take(i, i + 1, true);
                    return true;
                }
                if (b == 0) {
                    throw ImportException.atLine(file, lineNumber + 1, "binary data (a NUL byte), not a text file");
                }
            }
            scanned = limit;
            if (limit - pos > limits.maxLineBytes()) {
                throw limits.lineTooLong(file, lineNumber + 1);
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                take(limit, limit, false);
                return true;
            }
            fill();
        }
    }

    private void take(int newline, int next, boolean hasNewline) {
        start = pos;
        end = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
        pos = next;
        scanned = next;
        terminated = hasNewline;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            scanned -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            bytesRead += n;
        }
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line ended with a newline (false only for a last line cut off or unterminated). */
    public boolean terminated() {
        return terminated;
    }

    /** Bytes taken from the stream so far, for progress. */
    public long bytesRead() {
        return bytesRead;
    }
}
