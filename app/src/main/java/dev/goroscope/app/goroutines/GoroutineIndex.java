package dev.goroscope.app.goroutines;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;

/**
 * Which goroutines pass through a call tree node. Each goroutine's entry in the dump's
 * {@link GoroutineDump#stackCounts() stack counts} is found once; a tree built from those counts then tells, per
 * entry, the node it ends at ({@link CallTree#leafOfEntry(int)}), and a goroutine passes through a node when that
 * leaf lies in the node's subtree.
 */
public final class GoroutineIndex {
    private final GoroutineDump dump;
    private final WeightedStacks counts;
    private final int[] entryOf;

    /** {@code counts} must be {@code dump.stackCounts()}, the same object the trees are built from. */
    public GoroutineIndex(GoroutineDump dump, WeightedStacks counts) {
        this.dump = dump;
        this.counts = counts;
        int[] entryOfStack = new int[dump.stacks().size() + 1];
        Arrays.fill(entryOfStack, -1);
        for (int e = 0; e < counts.size(); e++) {
            entryOfStack[counts.stack()[e] + 1] = e;
        }
        entryOf = new int[dump.size()];
        for (int g = 0; g < dump.size(); g++) {
            entryOf[g] = entryOfStack[dump.stack(g) + 1];
        }
    }

    public GoroutineDump dump() {
        return dump;
    }

    /** Goroutine indices, in dump order, whose stack passes through {@code node} of {@code tree}. */
    public int[] through(CallTree tree, int node) {
        if (tree.input() != counts) {
            throw new IllegalArgumentException("the tree was not built from this dump's stack counts");
        }
        int[] out = new int[dump.size()];
        int n = 0;
        for (int g = 0; g < entryOf.length; g++) {
            int e = entryOf[g];
            int leaf = e < 0 ? -1 : tree.leafOfEntry(e);
            if (leaf >= 0 && tree.isInSubtree(leaf, node)) {
                out[n++] = g;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
