package dev.goroscope.importers;

import dev.goroscope.model.profile.Units;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How far a gzip file may expand before it is refused as a likely gzip bomb: never past {@code maxBytes}, and
 * past {@code ratioFloor} bytes never more than {@code maxRatio} times its compressed size. Real captures stay far
 * below the defaults (pprof profiles expand 3–10×, goroutine dumps of many identical stacks up to about 100×);
 * a bomb expands about 1000×.
 *
 * @param maxBytes   the most decompressed bytes any file may give
 * @param maxRatio   the most decompressed bytes per compressed byte, once past {@code ratioFloor}
 * @param ratioFloor decompressed bytes below which the ratio is not checked (small files compress wildly)
 */
public record InflateLimit(long maxBytes, long maxRatio, long ratioFloor) {
    /** 16 GiB at most, and at most 250× past 64 MiB. */
    public static final InflateLimit DEFAULT = new InflateLimit(16L << 30, 250, 64L << 20);

    public InflateLimit {
        if (maxBytes <= 0 || maxRatio <= 0 || ratioFloor < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Wraps a decompressing stream of a {@code compressedSize}-byte file so that it throws past the limit. */
    public InputStream bound(InputStream inflated, long compressedSize) {
        return new Bounded(inflated, compressedSize);
    }

    /** Thrown by a bounded stream once the decompressed content passes the limit. */
    public static final class ExceededException extends IOException {
        ExceededException(String message) {
            super(message);
        }
    }

    private final class Bounded extends FilterInputStream {
        private final long compressedSize;
        private final long limit;
        private long count;

        Bounded(InputStream in, long compressedSize) {
            super(in);
            this.compressedSize = compressedSize;
            long byRatio = compressedSize > 0 && compressedSize <= Long.MAX_VALUE / maxRatio
                    ? Math.max(ratioFloor, compressedSize * maxRatio) : maxBytes;
            this.limit = Math.min(maxBytes, byRatio);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            counted(s);
            return s;
        }

        private void counted(long n) throws ExceededException {
            count += n;
            if (count > limit) {
                throw new ExceededException(limit == maxBytes
                        ? "gzip content is larger than " + Units.bytes(maxBytes) + ", the most Goroscope opens"
                        : "gzip content expands more than " + maxRatio + " times (past " + Units.bytes(count) + " from "
                                + Units.bytes(compressedSize) + "): refusing a likely gzip bomb");
            }
        }
    }
}
