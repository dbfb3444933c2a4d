package dev.goroscope.importers.pprof;

import java.util.Arrays;

/**
 * The frames of a profile while its strings are not yet known (Go writes the string table last): a frame is a
 * function index and a line, or, for a location without function, an address. Each distinct key gets a dense id
 * from 0; the resolver later interns the real frames in key order, so a key's id is (almost always) its frame id.
 */
final class FrameKeys {
    /** The function index of an address frame. */
    static final int ADDRESS = -1;

    private int[] function = new int[1024];
    private long[] value = new long[1024];
    private int[] mapping = new int[1024];
    private int size;
    private int[] slots = newSlots(4096);

    /** The id of the frame of {@code functionIndex} at {@code line}. */
    int function(int functionIndex, long line) {
        return intern(functionIndex, line, -1);
    }

    /** The id of the frame of a location without function at {@code address} in mapping {@code mappingIndex}. */
    int address(long address, int mappingIndex) {
        return intern(ADDRESS, address, mappingIndex);
    }

    private int intern(int fn, long v, int m) {
        int mask = slots.length - 1;
        int i = hash(fn, v) & mask;
        while (slots[i] >= 0) {
            int k = slots[i];
            if (function[k] == fn && value[k] == v) {
                return k;
            }
            i = (i + 1) & mask;
        }
        if (size == function.length) {
            function = Arrays.copyOf(function, size * 2);
            value = Arrays.copyOf(value, size * 2);
            mapping = Arrays.copyOf(mapping, size * 2);
        }
        function[size] = fn;
        value[size] = v;
        mapping[size] = m;
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

    /** The function index of key {@code k}, or {@link #ADDRESS}. */
    int functionOf(int k) {
        return function[k];
    }

    /** The line of a function frame, or the address of an address frame. */
    long valueOf(int k) {
        return value[k];
    }

    /** The mapping index of an address frame, -1 when unknown. */
    int mappingOf(int k) {
        return mapping[k];
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int k = 0; k < size; k++) {
            int i = hash(function[k], value[k]) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = k;
        }
    }

    private static int hash(int fn, long v) {
        long h = fn * 0x9E3779B97F4A7C15L + v * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 31));
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }
}
