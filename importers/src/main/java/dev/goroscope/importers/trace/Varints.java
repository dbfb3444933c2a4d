package dev.goroscope.importers.trace;

/** Go's unsigned varints decoded from a byte array, as {@code binary.Uvarint}. */
public final class Varints {
    private Varints() {
    }

    /**
     * Decodes the varint at {@code data[pos..limit)} and returns it; its length goes to {@code len[0]}, which is 0
     * when the bytes end first and -1 when the value overflows 64 bits.
     */
    public static long uvarint(byte[] data, int pos, int limit, int[] len) {
        long x = 0;
        int s = 0;
        for (int i = 0; i < 10; i++) {
            if (pos + i >= limit) {
                len[0] = 0;
                return 0;
            }
            int b = data[pos + i] & 0xff;
            if (b < 0x80) {
                if (i == 9 && b > 1) {
                    len[0] = -1;
                    return 0;
                }
                len[0] = i + 1;
                return x | (long) b << s;
            }
            x |= (long) (b & 0x7f) << s;
            s += 7;
        }
        len[0] = -1;
        return 0;
    }
}
