package dev.goroscope.importers.pprof;

import java.util.Arrays;

/** A growable {@code long[]}. */
final class LongList {
    private long[] a;
    private int size;

    LongList(int capacity) {
        a = new long[Math.max(capacity, 4)];
    }

    void add(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size + (size >> 1) + 4);
        }
        a[size++] = v;
    }

    long get(int i) {
        return a[i];
    }

    /** Sets element {@code i}, growing the list (new elements {@code fill}) when it is past the end. */
    void put(int i, long v, long fill) {
        if (i >= a.length) {
            a = Arrays.copyOf(a, Math.max(i + 1, a.length + (a.length >> 1) + 4));
        }
        if (i >= size) {
            Arrays.fill(a, size, i, fill);
            size = i + 1;
        }
        a[i] = v;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
