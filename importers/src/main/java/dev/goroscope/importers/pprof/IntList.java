package dev.goroscope.importers.pprof;

import java.util.Arrays;

/** A growable {@code int[]}. */
final class IntList {
    private int[] a;
    private int size;

    IntList(int capacity) {
        a = new int[Math.max(capacity, 4)];
    }

    void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size + (size >> 1) + 4);
        }
        a[size++] = v;
    }

    int get(int i) {
        return a[i];
    }

    /** Sets element {@code i}, growing the list (new elements {@code fill}) when it is past the end. */
    void put(int i, int v, int fill) {
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

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
