package dev.goroscope.model.flame;

import dev.goroscope.model.calltree.CallTree;
import java.util.Arrays;

/**
 * Pure layout of a flame graph: from a call tree, the zoomed node and a width in pixels, the rectangle of every
 * node wide enough to draw. The zoomed node and its ancestors span the whole width; each descendant's width is
 * proportional to its weight. Nodes narrower than the minimum width are dropped with their subtrees. Rows are
 * counted from the root (row 0), so a flame graph draws row {@code r} at the bottom and an icicle at the top.
 * The Canvas and the SVG writer both draw from this, so screen and file agree.
 */
public final class FlameLayout {
    private final CallTree tree;
    private final int zoom;
    private final double width;
    private final int count;
    private final int[] node;
    private final double[] x;
    private final double[] w;
    private final int[] row;
    private final int rows;

    private FlameLayout(CallTree tree, int zoom, double width, int count, int[] node, double[] x, double[] w, int[] row) {
        this.tree = tree;
        this.zoom = zoom;
        this.width = width;
        this.count = count;
        this.node = node;
        this.x = x;
        this.w = w;
        this.row = row;
        int r = 0;
        for (int i = 0; i < count; i++) {
            r = Math.max(r, row[i] + 1);
        }
        this.rows = r;
    }

    /**
     * Lays out {@code tree} zoomed on {@code zoom} across {@code width} pixels, keeping boxes at least
     * {@code minWidth} pixels wide.
     */
    public static FlameLayout compute(CallTree tree, int zoom, double width, double minWidth) {
        int cap = 64;
        int[] node = new int[cap];
        double[] x = new double[cap];
        double[] w = new double[cap];
        int[] row = new int[cap];
        int n = 0;
        int[] ancestors = new int[tree.depth(zoom) + 1];
        for (int a = zoom, i = ancestors.length - 1; a >= 0; a = tree.parent(a), i--) {
            ancestors[i] = a;
        }
        for (int i = 0; i < ancestors.length - 1; i++) {
            node[n] = ancestors[i];
            x[n] = 0;
            w[n] = width;
            row[n++] = i;
        }
        long zoomTotal = tree.total(zoom);
        if (zoomTotal <= 0) {
            node[n] = zoom;
            x[n] = 0;
            w[n] = width;
            row[n++] = ancestors.length - 1;
            return new FlameLayout(tree, zoom, width, n, node, x, w, row);
        }
        double scale = width / zoomTotal;
        int baseRow = tree.depth(zoom);
        int end = tree.subtreeEnd(zoom);
        double[] nextX = new double[tree.maxDepth() + 2];
        nextX[baseRow] = 0;
        for (int v = zoom; v < end; ) {
            double vw = tree.total(v) * scale;
            int d = tree.depth(v);
            double vx = v == zoom ? 0 : nextX[d];
            if (v != zoom) {
                nextX[d] = vx + vw;
            }
            if (vw < minWidth) {
                v = tree.subtreeEnd(v);
                continue;
            }
            if (n == node.length) {
                cap = n * 2;
                node = Arrays.copyOf(node, cap);
                x = Arrays.copyOf(x, cap);
                w = Arrays.copyOf(w, cap);
                row = Arrays.copyOf(row, cap);
            }
            node[n] = v;
            x[n] = vx;
            w[n] = vw;
            row[n++] = d;
            nextX[d + 1] = vx;
            v++;
        }
        return new FlameLayout(tree, zoom, width, n, node, x, w, row);
    }

    public CallTree tree() {
        return tree;
    }

    public int zoom() {
        return zoom;
    }

    public double width() {
        return width;
    }

    /** Number of boxes. Boxes are in pre-order, so a parent comes before its children. */
    public int count() {
        return count;
    }

    /** Number of rows (the deepest row plus one). */
    public int rows() {
        return rows;
    }

    public int node(int box) {
        return node[box];
    }

    public double x(int box) {
        return x[box];
    }

    public double width(int box) {
        return w[box];
    }

    /** Row from the root: 0 is the root's row. */
    public int row(int box) {
        return row[box];
    }

    /** Whether the box is an ancestor of the zoomed node (drawn full width, above the zoom). */
    public boolean isAncestor(int box) {
        return tree.depth(node[box]) < tree.depth(zoom);
    }

    /** The box at horizontal position {@code px} in {@code targetRow}, or -1. */
    public int boxAt(double px, int targetRow) {
        for (int i = 0; i < count; i++) {
            if (row[i] == targetRow && px >= x[i] && px < x[i] + w[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The box of {@code treeNode}, or -1 if it is not laid out. */
    public int boxOf(int treeNode) {
        for (int i = 0; i < count; i++) {
            if (node[i] == treeNode) {
                return i;
            }
        }
        return -1;
    }
}
