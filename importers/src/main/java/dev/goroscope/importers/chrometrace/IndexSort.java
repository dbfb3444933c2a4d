package dev.goroscope.importers.chrometrace;

/** A stable merge sort of int indices by a comparator, without boxing. */
final class IndexSort {
    interface Order {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /** Sorts {@code idx[0..n)} stably; cheap when already sorted, as traces mostly are. */
    static void sort(int[] idx, int n, Order order) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = order.compare(idx[i - 1], idx[i]) <= 0;
        }
        if (sorted) {
            return;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(idx, tmp, lo, lo + width, Math.min(lo + 2 * width, n), order);
            }
        }
    }

    private static void merge(int[] idx, int[] tmp, int lo, int mid, int hi, Order order) {
        if (order.compare(idx[mid - 1], idx[mid]) <= 0) {
            return;
        }
        System.arraycopy(idx, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || order.compare(tmp[i], tmp[j]) <= 0)) {
                idx[k] = tmp[i++];
            } else {
                idx[k] = tmp[j++];
            }
        }
    }
}
