package dev.goroscope.importers.pprof;

import java.util.Arrays;

/**
 * Gives the 64-bit ids of one pprof message kind (locations, functions, mappings) dense indexes from 0, in the
 * order they are first met, whether as a reference or as a definition, so references may come before the message
 * they name. Remembers, per index, whether the id was defined and the byte offset of its definition.
 */
final class IdIndex {
    private long[] keys = new long[1024];
    private int[] slots = newSlots(1024);
    private long[] definedAt = new long[256];
    private boolean[] defined = new boolean[256];
    private long[] ids = new long[256];
    private int size;

    /** The index of {@code id}, adding it if new. */
    int indexOf(long id) {
        int mask = slots.length - 1;
        int i = hash(id) & mask;
        while (slots[i] >= 0) {
            if (keys[i] == id) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            defined = Arrays.copyOf(defined, size * 2);
            definedAt = Arrays.copyOf(definedAt, size * 2);
        }
        keys[i] = id;
        slots[i] = size;
        ids[size] = id;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /**
     * Marks {@code id} as defined by the message at {@code offset}; returns its index, or -1 when it was already
     * defined (a duplicate id).
     */
    int define(long id, long offset) {
        int index = indexOf(id);
        if (defined[index]) {
            return -1;
        }
        defined[index] = true;
        definedAt[index] = offset;
        return index;
    }

    boolean isDefined(int index) {
        return defined[index];
    }

    long id(int index) {
        return ids[index];
    }

    /** Where the message defining the id starts. */
    long definedAt(int index) {
        return definedAt[index];
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = newSlots(oldSlots.length * 2);
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] >= 0) {
                int i = hash(oldKeys[j]) & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
