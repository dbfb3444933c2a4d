package dev.goroscope.importers.dump;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reads a dump in chunks of about {@code chunkSize} bytes, each ending just before a goroutine header line, so
 * that chunks can be parsed independently (in parallel) and never split a goroutine. A chunk grows until it
 * holds a header to cut at; past {@link #MAX_CHUNK} (a goroutine block far larger than any runtime prints) it is
 * cut after its last newline instead.
 */
final class ChunkReader {
    static final int MAX_CHUNK = 64 << 20;

    /** One chunk: {@code bytes[0, length)}, starting at byte {@code offset} of the file. */
    record Chunk(byte[] bytes, int length, long offset, boolean first, boolean last) {
    }

    private final InputStream in;
    private final int chunkSize;
    /** The size of the next chunk: small at first, so that both cores get work while the JIT warms up. */
    private int nextSize;
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private byte[] carry = new byte[0];
    private int carryLength;
    private long offset;
    private boolean eof;
    private boolean started;

    ChunkReader(InputStream in, int chunkSize) {
        this.in = in;
        this.chunkSize = chunkSize;
        this.nextSize = Math.min(chunkSize, 256 * 1024);
    }

    /** Bytes handed out so far. */
    long offset() {
        return offset;
    }

    /** The next chunk, or null after the last one. */
    Chunk next() throws IOException {
        if (eof && carryLength == 0) {
            return null;
        }
        byte[] buf = buffer(Math.max(nextSize, carryLength * 2));
        nextSize = Math.min(chunkSize, nextSize * 2);
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int length = carryLength;
        int searchedUpTo = 0;
        while (true) {
            while (!eof && length < buf.length) {
                int n = in.read(buf, length, buf.length - length);
                if (n < 0) {
                    eof = true;
                } else {
                    length += n;
                }
            }
            if (eof) {
                return emit(buf, length, length, true);
            }
            int cut = lastHeaderStart(buf, searchedUpTo, length);
            if (cut > 0) {
                return emit(buf, cut, length, false);
            }
            if (buf.length >= MAX_CHUNK) {
                int nl = Bytes.lastIndexOf(buf, 0, length, (byte) '\n');
                return emit(buf, nl > 0 ? nl + 1 : length, length, false);
            }
            searchedUpTo = Bytes.lastIndexOf(buf, 0, length, (byte) '\n') + 1;
            buf = Arrays.copyOf(buf, Math.min(MAX_CHUNK, buf.length * 2));
        }
    }

    /** Gives back the buffer of a chunk that has been parsed, for a later chunk to reuse. */
    void recycle(Chunk chunk) {
        if (chunk.bytes().length == chunkSize && spare.size() < 8) {
            spare.add(chunk.bytes());
        }
    }

    private byte[] buffer(int size) {
        byte[] b = size == chunkSize ? spare.poll() : null;
        return b != null ? b : new byte[size];
    }

    private Chunk emit(byte[] buf, int cut, int length, boolean last) {
        carryLength = length - cut;
        if (carry.length < carryLength) {
            carry = new byte[Math.max(carryLength, chunkSize / 4)];
        }
        System.arraycopy(buf, cut, carry, 0, carryLength);
        boolean first = !started;
        started = true;
        Chunk c = new Chunk(buf, cut, offset, first, last);
        offset += cut;
        return c;
    }

    /**
     * The start of the last complete goroutine header line in {@code b[0, to)} that starts after position 0 and
     * not before {@code minLineStart} (lines before it were searched already), or -1. Searches backwards, so it
     * reads about one goroutine block.
     */
    static int lastHeaderStart(byte[] b, int minLineStart, int to) {
        int lineEnd = -1;
        for (int i = to - 1; i >= 0; i--) {
            if (b[i] != '\n') {
                continue;
            }
            int start = i + 1;
            if (start < minLineStart) {
                return -1;
            }
            if (lineEnd > start && HeaderLine.isHeader(b, start, lineEnd)) {
                return start;
            }
            lineEnd = i > 0 && b[i - 1] == '\r' ? i - 1 : i;
        }
        return -1;
    }
}
