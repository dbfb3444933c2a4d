package dev.goroscope.importers.pprof;

import java.util.Arrays;

/**
 * The distinct label sets of a profile as the samples wrote them, before the string table is known: each set is
 * a run of (key, str, num, num_unit) quadruples of string indexes and numbers. A sample keeps only the set's id,
 * so a million samples with the same labels store their labels once.
 */
final class RawLabelSets {
    /** Longs per label: key, str, num, num_unit. */
    static final int LABEL = 4;

    private long[] pool = new long[256];
    private int poolSize;
    private int[] start = new int[64];
    private int[] length = new int[64];
    private long[] firstOffset = new long[64];
    private int size;
    private int[] slots = newSlots(256);

    /** The id of the set {@code labels[0..len)}, first used by the sample at {@code offset}. */
    int intern(long[] labels, int len, long offset) {
        int mask = slots.length - 1;
        int i = hash(labels, 0, len) & mask;
        while (slots[i] >= 0) {
            int s = slots[i];
            if (length[s] == len && Arrays.equals(pool, start[s], start[s] + len, labels, 0, len)) {
                return s;
            }
            i = (i + 1) & mask;
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(labels, 0, pool, poolSize, len);
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            length = Arrays.copyOf(length, size * 2);
            firstOffset = Arrays.copyOf(firstOffset, size * 2);
        }
        start[size] = poolSize;
        length[size] = len;
        firstOffset[size] = offset;
        poolSize += len;
        slots[i] = size;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** Number of labels in set {@code id}. */
    int labelCount(int id) {
        return length[id] / LABEL;
    }

    /** Field {@code field} (0 key, 1 str, 2 num, 3 num_unit) of label {@code k} of set {@code id}. */
    long get(int id, int k, int field) {
        return pool[start[id] + k * LABEL + field];
    }

    long firstOffset(int id) {
        return firstOffset[id];
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int s = 0; s < size; s++) {
            int i = hash(pool, start[s], length[s]) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = s;
        }
    }

    private static int hash(long[] a, int from, int len) {
        long h = len;
        for (int i = from; i < from + len; i++) {
            h = h * 0x9E3779B97F4A7C15L + a[i];
        }
        return (int) (h ^ (h >>> 29));
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }
}
