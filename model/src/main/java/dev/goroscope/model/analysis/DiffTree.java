package dev.goroscope.model.analysis;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;
import java.util.List;

/**
 * A differential call tree of two snapshots (as difffolded draws it): one {@link CallTree} over the stacks of both,
 * whose node weights are the {@link Basis} chosen, plus each node's weight before and after. A flame graph lays
 * out {@link #tree()} as usual and colours node {@code n} by {@link #delta(int)}: red where after &gt; before (more),
 * blue where less. The two inputs may come from different frame tables; their frames are re-interned into one.
 */
public final class DiffTree {
    /** What the tree's widths show. */
    public enum Basis {
        /** Widths are the second snapshot's counts (difffolded's default); what disappeared has no width. */
        AFTER,
        /** Widths are the first snapshot's counts. */
        BEFORE,
        /** Widths are the larger of the two per stack, so both growth and loss stay visible. */
        MAX
    }

    private final CallTree tree;
    private final long[] entryBefore;
    private final long[] entryAfter;
    private final long[] beforeTotal;
    private final long[] afterTotal;
    private final long[] beforeSelf;
    private final long[] afterSelf;

    /** {@code entryBefore[e]}, {@code entryAfter[e]}: the two counts of entry {@code e} of the tree's input. */
    private DiffTree(CallTree tree, long[] entryBefore, long[] entryAfter) {
        this.tree = tree;
        this.entryBefore = entryBefore;
        this.entryAfter = entryAfter;
        this.beforeSelf = new long[tree.size()];
        this.afterSelf = new long[tree.size()];
        for (int e = 0; e < entryBefore.length; e++) {
            int node = tree.leafOfEntry(e);
            if (node >= 0) {
                beforeSelf[node] += entryBefore[e];
                afterSelf[node] += entryAfter[e];
            }
        }
        this.beforeTotal = totals(tree, beforeSelf);
        this.afterTotal = totals(tree, afterSelf);
    }

    public static DiffTree of(WeightedStacks before, WeightedStacks after, Basis basis) {
        return of(before, after, basis, List.of());
    }

    /** The differential tree of {@code before} → {@code after}, both rewritten by {@code transforms}. */
    public static DiffTree of(WeightedStacks before, WeightedStacks after, Basis basis, List<StackTransform> transforms) {
        StackTable shared = new StackTable();
        int[] b = remap(before.stacks(), shared);
        int[] a = remap(after.stacks(), shared);
        long[] wb = new long[shared.size() + 1];
        long[] wa = new long[shared.size() + 1];
        for (int i = 0; i < before.size(); i++) {
            wb[b[before.stack()[i] + 1] + 1] += before.weight()[i];
        }
        for (int i = 0; i < after.size(); i++) {
            wa[a[after.stack()[i] + 1] + 1] += after.weight()[i];
        }
        int n = 0;
        for (int s = 0; s < wb.length; s++) {
            if (wb[s] != 0 || wa[s] != 0) {
                n++;
            }
        }
        int[] stacks = new int[n];
        long[] weight = new long[n];
        long[] eb = new long[n];
        long[] ea = new long[n];
        for (int s = 0, e = 0; s < wb.length; s++) {
            if (wb[s] != 0 || wa[s] != 0) {
                stacks[e] = s - 1;
                eb[e] = wb[s];
                ea[e] = wa[s];
                weight[e++] = switch (basis) {
                    case AFTER -> wa[s];
                    case BEFORE -> wb[s];
                    case MAX -> Math.max(wa[s], wb[s]);
                };
            }
        }
        return new DiffTree(CallTree.of(new WeightedStacks(shared, stacks, weight, after.unit()), transforms), eb, ea);
    }

    /**
     * The same comparison laid out as {@code view}: a tree of this diff's stacks ({@code tree().input()}) rebuilt
     * with other transforms (focus, hide, drop, invert…), e.g. the one a flame graph shows after the user
     * transformed it. Each node of {@code view} gets the before and after of the stacks that pass through it.
     */
    public DiffTree over(CallTree view) {
        if (view == tree) {
            return this;
        }
        if (view.input() != tree.input()) {
            throw new IllegalArgumentException("the tree is not built from this diff's stacks");
        }
        return new DiffTree(view, entryBefore, entryAfter);
    }

    /** Maps every stack of {@code from} (index stack+1) to the same frames interned in {@code to}. */
    private static int[] remap(StackTable from, StackTable to) {
        FrameTable ff = from.frames();
        FrameTable tf = to.frames();
        int[] frame = new int[ff.size()];
        Arrays.fill(frame, -1);
        int[] out = new int[from.size() + 1];
        out[0] = StackTable.EMPTY;
        for (int s = 0; s < from.size(); s++) {
            int f = from.frame(s);
            if (frame[f] < 0) {
                frame[f] = tf.intern(ff.functionName(f), ff.fileName(f), ff.line(f));
            }
            out[s + 1] = to.push(out[from.parent(s) + 1], frame[f]);
        }
        return out;
    }

    private static long[] totals(CallTree tree, long[] self) {
        long[] total = Arrays.copyOf(self, self.length);
        for (int n = tree.size() - 1; n > 0; n--) {
            total[tree.parent(n)] += total[n];
        }
        return total;
    }

    /** The tree to lay out; its weights are the chosen basis. */
    public CallTree tree() {
        return tree;
    }

    public long before(int node) {
        return beforeTotal[node];
    }

    public long after(int node) {
        return afterTotal[node];
    }

    public long beforeSelf(int node) {
        return beforeSelf[node];
    }

    public long afterSelf(int node) {
        return afterSelf[node];
    }

    /** {@code after - before} of the node's total: positive = more (red), negative = less (blue). */
    public long delta(int node) {
        return afterTotal[node] - beforeTotal[node];
    }
}
