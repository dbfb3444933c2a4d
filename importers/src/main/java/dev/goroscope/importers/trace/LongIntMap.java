package dev.goroscope.importers.trace;

import java.util.Arrays;

/** A map from {@code long} keys to non-negative {@code int} values without boxing (linear probing). */
public final class LongIntMap {
    /** What {@link #get} returns for a missing key. */
    public static final int MISSING = -1;

    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;

    public LongIntMap() {
        Arrays.fill(values, MISSING);
    }

    public int get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == MISSING) {
                return MISSING;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    /** Sets {@code key} to {@code value} (which must be non-negative). */
    public void put(long key, int value) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (values[i] != MISSING && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == MISSING) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    public void remove(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (values[i] != MISSING && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == MISSING) {
            return;
        }
        values[i] = MISSING;
        size--;
        for (int j = (i + 1) & mask; values[j] != MISSING; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            boolean between = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!between) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = MISSING;
                i = j;
            }
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        Arrays.fill(values, MISSING);
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (v[i] != MISSING) {
                put(k[i], v[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
