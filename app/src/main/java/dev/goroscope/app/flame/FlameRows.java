package dev.goroscope.app.flame;

import dev.goroscope.model.flame.FlameLayout;

/**
 * The boxes of a {@link FlameLayout} grouped by row, left to right within a row, so drawing touches only the
 * visible rows and hit-testing is a binary search.
 */
final class FlameRows {
    private final FlameLayout layout;
    private final int[] start;
    private final int[] boxes;

    private FlameRows(FlameLayout layout, int[] start, int[] boxes) {
        this.layout = layout;
        this.start = start;
        this.boxes = boxes;
    }

    /** Groups by a counting sort on the row; pre-order keeps each row in x order. */
    static FlameRows of(FlameLayout layout) {
        int rows = layout.rows();
        int[] start = new int[rows + 1];
        for (int b = 0; b < layout.count(); b++) {
            start[layout.row(b) + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = start.clone();
        int[] boxes = new int[layout.count()];
        for (int b = 0; b < layout.count(); b++) {
            boxes[fill[layout.row(b)]++] = b;
        }
        return new FlameRows(layout, start, boxes);
    }

    FlameLayout layout() {
        return layout;
    }

    int rows() {
        return start.length - 1;
    }

    /** First position of {@code row} in {@link #box(int)} order. */
    int from(int row) {
        return start[row];
    }

    /** One past the last position of {@code row}. */
    int to(int row) {
        return start[row + 1];
    }

    /** The layout box at a position. */
    int box(int position) {
        return boxes[position];
    }

    /** The layout box under {@code x} in {@code row}, or -1. */
    int boxAt(double x, int row) {
        if (row < 0 || row >= rows()) {
            return -1;
        }
        int lo = start[row];
        int hi = start[row + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int b = boxes[mid];
            if (x < layout.x(b)) {
                hi = mid - 1;
            } else if (x >= layout.x(b) + layout.width(b)) {
                lo = mid + 1;
            } else {
                return b;
            }
        }
        return -1;
    }
}
