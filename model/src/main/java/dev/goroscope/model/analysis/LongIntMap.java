package dev.goroscope.model.analysis;

import java.util.Arrays;

/** A map from {@code long} to non-negative {@code int}, open addressing, no boxing; -1 means absent. */
final class LongIntMap {
    private static final int FREE = -1;

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, FREE);
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; values[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return FREE;
    }

    /** The value of {@code key}, putting {@code value} first if the key is absent. */
    int putIfAbsent(long key, int value) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        for (; values[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
        return value;
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, FREE);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != FREE) {
                int i = hash(oldKeys[j]) & mask;
                while (values[i] != FREE) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 32));
    }
}
