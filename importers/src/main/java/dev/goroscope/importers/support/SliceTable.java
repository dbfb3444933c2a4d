package dev.goroscope.importers.support;

import java.util.Arrays;

/**
 * Interns slices of a buffer (bytes of a text line, chars from a JSON parser) to dense ids from 0, so a name met a
 * million times in a file is turned into a String once. A lookup hashes the slice in place and allocates nothing.
 * Subclasses hold the slice being looked up (the probe) and the stored keys.
 */
abstract class SliceTable {
    static final int SEED = 0x811c9dc5;

    private int[] offset = new int[256];
    private int[] length = new int[256];
    private int[] hash = new int[256];
    private String[] strings = new String[256];
    private int size;
    private int[] slots = newSlots(1024);

    public final String string(int id) {
        return strings[id];
    }

    public final int size() {
        return size;
    }

    /** The id of the probe of {@code length} units hashing to {@code h}, adding it if it is new. */
    final int lookup(int h, int len) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id < 0) {
                return add(len, h, i);
            }
            if (hash[id] == h && length[id] == len && probeEquals(offset[id])) {
                return id;
            }
        }
    }

    /** Whether the stored key at {@code storedOffset} equals the probe (whose length is known to match). */
    abstract boolean probeEquals(int storedOffset);

    /** Stores the probe's units and returns where they start. */
    abstract int storeProbe();

    abstract String probeString();

    private int add(int len, int h, int slot) {
        if (size == offset.length) {
            offset = Arrays.copyOf(offset, size * 2);
            length = Arrays.copyOf(length, size * 2);
            hash = Arrays.copyOf(hash, size * 2);
            strings = Arrays.copyOf(strings, size * 2);
        }
        offset[size] = storeProbe();
        length[size] = len;
        hash[size] = h;
        strings[size] = probeString();
        slots[slot] = size;
        size++;
        if (size * 2 > slots.length) {
            slots = newSlots(slots.length * 2);
            int mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                int i = hash[id] & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = id;
            }
        }
        return size - 1;
    }

    static int mix(int h, int unit) {
        return (h ^ unit) * 0x01000193;
    }

    static int finish(int h) {
        return h ^ (h >>> 16);
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }
}
