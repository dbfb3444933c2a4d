package dev.goroscope.importers.pprof;

import dev.goroscope.importers.Importer.Confidence;

/**
 * Decides from the first bytes whether they can start a pprof {@code Profile} message: walks the top-level fields
 * in the head, checking that every tag is a Profile field with the wire type the format gives it and every length
 * fits. Text fails on its first bytes (e.g. "g" is field 12 with wire type 7, which does not exist), so text
 * formats are never claimed. Producers start with different fields (Go with time_nanos or period_type, pprof with
 * sample_type, others with a mapping), so YES needs two or more fields, all Profile fields, every sample_type and
 * period_type within the head well-formed; a head that walks cleanly otherwise is MAYBE. A singular number field
 * seen twice (no producer repeats one; "xxxx" is doc_url after doc_url) or a head of text is NO.
 */
final class PprofSniffer {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LEN = 2;
    private static final int FIXED32 = 5;
    /** Expected wire type per Profile field number 1–15; field 13 (comment) may be packed or not. */
    private static final int[] WIRE = {-1, LEN, LEN, LEN, LEN, LEN, LEN, VARINT, VARINT, VARINT, VARINT, LEN, VARINT,
        VARINT, VARINT, VARINT};

    private PprofSniffer() {
    }

    static Confidence sniff(byte[] head, int length) {
        if (isText(head, length)) {
            return Confidence.NO;
        }
        boolean[] seen = new boolean[WIRE.length];
        int pos = 0;
        int fields = 0;
        boolean allKnown = true;
        boolean valueTypesWellFormed = true;
        while (pos < length) {
            long tag = varint(head, pos, length);
            if (tag == -2) {
                break;
            }
            if (tag < 8 || tag > 0xFFFFFFFFL) {
                return Confidence.NO;
            }
            pos += varintLength(head, pos);
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field < WIRE.length) {
                if (wire != WIRE[field] && !(field == 13 && wire == LEN)) {
                    return Confidence.NO;
                }
                if (seen[field] && wire == VARINT && field != 13) {
                    return Confidence.NO;
                }
                seen[field] = true;
            } else if (wire != VARINT && wire != FIXED64 && wire != LEN && wire != FIXED32) {
                return Confidence.NO;
            } else {
                allKnown = false;
            }
            int valueStart = pos;
            long next = skip(head, pos, length, wire);
            if (next == -1) {
                return Confidence.NO;
            }
            if ((field == 1 || field == 11) && next <= length && !isValueType(head, valueStart, (int) next)) {
                valueTypesWellFormed = false;
            }
            fields++;
            if (next >= length) {
                break;
            }
            pos = (int) next;
        }
        if (fields == 0) {
            return Confidence.NO;
        }
        return fields >= 2 && allKnown && valueTypesWellFormed ? Confidence.YES : Confidence.MAYBE;
    }

    /**
     * Whether the head holds only printable characters, tabs and line ends: every profile has bytes below 0x20
     * (tags and lengths of small messages), text has none.
     */
    private static boolean isText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code head[from..to)}, a length-prefixed value, is a ValueType: varint fields 1 and 2 only. */
    private static boolean isValueType(byte[] head, int from, int to) {
        if (varint(head, from, to) < 0) {
            return false;
        }
        int pos = from + varintLength(head, from);
        while (pos < to) {
            long tag = varint(head, pos, to);
            if (tag != 8 && tag != 16) {
                return false;
            }
            pos += varintLength(head, pos);
            if (varint(head, pos, to) < 0) {
                return false;
            }
            pos += varintLength(head, pos);
        }
        return pos == to;
    }

    /**
     * Where the value at {@code pos} of wire type {@code wire} ends (possibly past {@code length}, when it runs on
     * beyond the head), or -1 when it cannot be a value.
     */
    private static long skip(byte[] head, int pos, int length, int wire) {
        return switch (wire) {
            case VARINT -> {
                long v = varint(head, pos, length);
                yield v == -1 ? -1 : v == -2 ? length : pos + varintLength(head, pos);
            }
            case FIXED64 -> pos + 8L;
            case FIXED32 -> pos + 4L;
            case LEN -> {
                long n = varint(head, pos, length);
                if (n == -2) {
                    yield length;
                }
                yield n < 0 || n > Integer.MAX_VALUE ? -1 : pos + varintLength(head, pos) + n;
            }
            default -> -1;
        };
    }

    /** The varint at {@code pos}: -1 when longer than 10 bytes, -2 when cut off by the end of the head. */
    private static long varint(byte[] b, int pos, int length) {
        long v = 0;
        for (int i = 0; i < 10; i++) {
            if (pos + i >= length) {
                return -2;
            }
            int x = b[pos + i] & 0xff;
            v |= (long) (x & 0x7f) << (7 * i);
            if (x < 0x80) {
                return v < 0 ? Long.MAX_VALUE : v;
            }
        }
        return -1;
    }

    private static int varintLength(byte[] b, int pos) {
        int n = 1;
        while ((b[pos + n - 1] & 0x80) != 0 && n < 10 && pos + n < b.length) {
            n++;
        }
        return n;
    }
}
