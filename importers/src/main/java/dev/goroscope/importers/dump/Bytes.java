package dev.goroscope.importers.dump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small helpers over byte ranges {@code [from, to)} of a buffer, so that parsing never makes a String per line. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Bytes() {
    }

    /** Index of the first '\n' in {@code [from, to)}, or -1. Reads eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOf(byte[] b, int from, int to, byte c) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code [from, to)} starts with the ASCII text {@code prefix}. */
    static boolean startsWith(byte[] b, int from, int to, String prefix) {
        int n = prefix.length();
        if (to - from < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(byte[] b, int from, int to, String suffix) {
        int n = suffix.length();
        return to - from >= n && startsWith(b, to - n, to, suffix);
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Index after the run of digits starting at {@code from} (equal to {@code from} when there is none). */
    static int digitsEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    /** The decimal number in {@code [from, to)}, which holds only digits; saturates at Long.MAX_VALUE. */
    static long parseLong(byte[] b, int from, int to) {
        if (to - from > 18) {
            return Long.MAX_VALUE;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static int parseInt(byte[] b, int from, int to) {
        return (int) Math.min(Integer.MAX_VALUE, parseLong(b, from, to));
    }

    static int skipBlanks(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    static int trimEnd(byte[] b, int from, int to) {
        int i = to;
        while (i > from && (b[i - 1] == ' ' || b[i - 1] == '\t' || b[i - 1] == '\r')) {
            i--;
        }
        return i;
    }

    static String string(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * A cheap hash of {@code [from, to)} from its length and three eight-byte reads (start, middle, end), so a
     * long name costs no more than a short one. Names that share all three still compare in full.
     */
    static int hash(byte[] b, int from, int to) {
        int n = to - from;
        long h;
        if (n >= 8) {
            h = (long) LONGS.get(b, from) * 0x9E3779B97F4A7C15L;
            h = (h ^ (long) LONGS.get(b, from + ((n - 8) >>> 1))) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (long) LONGS.get(b, to - 8)) * 0x94D049BB133111EBL;
        } else {
            h = 0;
            for (int i = from; i < to; i++) {
                h = (h << 8) | (b[i] & 0xFF);
            }
            h *= 0x9E3779B97F4A7C15L;
        }
        h ^= n * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
