package dev.goroscope.app.source;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;

/**
 * Per-line weights of one function in one file, as pprof's source view: a line's self weight is that of the
 * stacks whose innermost frame is on it; its total weight that of the stacks with any frame on it (counted once
 * per stack however often it recurses). Only stacks the view keeps count: those the tree's transforms did not
 * drop and, when zoomed, those through the zoomed node. Line numbers start at 1; index 0 is unused.
 */
public final class SourceWeights {
    private final long[] self;
    private final long[] total;

    private SourceWeights(long[] self, long[] total) {
        this.self = self;
        this.total = total;
    }

    /** Weights of {@code tree}'s function at {@code node}, for its frames in {@code file}, within {@code scope}. */
    public static SourceWeights of(CallTree tree, int node, String file, int scope) {
        WeightedStacks in = tree.input();
        StackTable stacks = in.stacks();
        FrameTable frames = stacks.frames();
        int function = tree.function(node);
        long[] self = new long[16];
        long[] total = new long[16];
        int[] seenAt = new int[16];
        Arrays.fill(seenAt, -1);
        for (int e = 0; e < in.size(); e++) {
            int leaf = tree.leafOfEntry(e);
            if (leaf < 0 || (scope != CallTree.ROOT && !tree.isInSubtree(leaf, scope))) {
                continue;
            }
            long w = in.weight()[e];
            boolean innermost = true;
            for (int s = in.stack()[e]; s != StackTable.EMPTY; s = stacks.parent(s)) {
                int f = stacks.frame(s);
                if (frames.function(f) == function && frames.fileName(f).equals(file)) {
                    int line = frames.line(f);
                    if (line > 0) {
                        if (line >= total.length) {
                            int n = Math.max(line + 1, total.length * 2);
                            self = Arrays.copyOf(self, n);
                            total = Arrays.copyOf(total, n);
                            int old = seenAt.length;
                            seenAt = Arrays.copyOf(seenAt, n);
                            Arrays.fill(seenAt, old, n, -1);
                        }
                        if (seenAt[line] != e) {
                            seenAt[line] = e;
                            total[line] += w;
                        }
                        if (innermost) {
                            self[line] += w;
                        }
                    }
                }
                innermost = false;
            }
        }
        return new SourceWeights(self, total);
    }

    public long self(int line) {
        return line > 0 && line < self.length ? self[line] : 0;
    }

    public long total(int line) {
        return line > 0 && line < total.length ? total[line] : 0;
    }

    /** The line with the largest total weight, 0 when no line has any. */
    public int heaviestLine() {
        int best = 0;
        for (int i = 1; i < total.length; i++) {
            if (total[i] > total[best]) {
                best = i;
            }
        }
        return best;
    }
}
