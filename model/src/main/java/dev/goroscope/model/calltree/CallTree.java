package dev.goroscope.model.calltree;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;
import java.util.List;

/**
 * A call tree built from weighted stacks after a list of {@link StackTransform}s. Nodes merge frames of the same
 * function under the same parent. Node 0 is the synthetic root holding all weight; nodes are numbered in
 * pre-order with children sorted by function name, so node {@code n}'s subtree is {@code [n, subtreeEnd(n))}.
 * Immutable.
 */
public final class CallTree {
    /** The synthetic root's id. */
    public static final int ROOT = 0;

    private final WeightedStacks input;
    private final List<StackTransform> transforms;
    private final int[] function;
    private final int[] frame;
    private final int[] parent;
    private final int[] depth;
    private final int[] subtreeEnd;
    private final long[] total;
    private final long[] self;
    private final int[] leafOfEntry;
    private final int maxDepth;

    private CallTree(WeightedStacks input, List<StackTransform> transforms, int[] function, int[] frame,
            int[] parent, int[] depth, int[] subtreeEnd, long[] total, long[] self, int[] leafOfEntry) {
        this.input = input;
        this.transforms = List.copyOf(transforms);
        this.function = function;
        this.frame = frame;
        this.parent = parent;
        this.depth = depth;
        this.subtreeEnd = subtreeEnd;
        this.total = total;
        this.self = self;
        this.leafOfEntry = leafOfEntry;
        int d = 0;
        for (int x : depth) {
            d = Math.max(d, x);
        }
        this.maxDepth = d;
    }

    /** Builds the tree of {@code input} with no transform. */
    public static CallTree of(WeightedStacks input) {
        return of(input, List.of());
    }

    /** Builds the tree of {@code input} rewritten by {@code transforms}, applied in order. */
    public static CallTree of(WeightedStacks input, List<StackTransform> transforms) {
        return new Builder(input, transforms).build();
    }

    /** A new tree with one more transform applied after this tree's. */
    public CallTree with(StackTransform t) {
        var list = new java.util.ArrayList<>(transforms);
        list.add(t);
        return of(input, list);
    }

    public WeightedStacks input() {
        return input;
    }

    public List<StackTransform> transforms() {
        return transforms;
    }

    public FrameTable frames() {
        return input.stacks().frames();
    }

    public int size() {
        return function.length;
    }

    /** Function name id (in {@link FrameTable#strings()}), -1 for the root. */
    public int function(int node) {
        return function[node];
    }

    /** The function name, or "all" for the root. */
    public String name(int node) {
        return node == ROOT ? "all" : frames().strings().get(function[node]);
    }

    /** A frame of this node's function that reached it first (for file:line), -1 for the root. */
    public int frame(int node) {
        return frame[node];
    }

    /** Parent node, -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** 0 for the root, 1 for outermost frames. */
    public int depth(int node) {
        return depth[node];
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** One past the last node of this node's subtree in pre-order. */
    public int subtreeEnd(int node) {
        return subtreeEnd[node];
    }

    public boolean isInSubtree(int node, int ancestor) {
        return node >= ancestor && node < subtreeEnd[ancestor];
    }

    /** Weight of all stacks through this node. */
    public long total(int node) {
        return total[node];
    }

    /** Weight of the stacks that end at this node. */
    public long self(int node) {
        return self[node];
    }

    /** The first child, or -1. */
    public int firstChild(int node) {
        int c = node + 1;
        return c < subtreeEnd[node] ? c : -1;
    }

    /** The next sibling of {@code node}, or -1. */
    public int nextSibling(int node) {
        int p = parent[node];
        if (p < 0) {
            return -1;
        }
        int s = subtreeEnd[node];
        return s < subtreeEnd[p] ? s : -1;
    }

    /** The child of {@code node} whose function is named {@code name}, or -1. */
    public int child(int node, String name) {
        for (int c = firstChild(node); c >= 0; c = nextSibling(c)) {
            if (name(c).equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The node that input entry {@code entry} ended at after the transforms, or -1 if it was dropped. */
    public int leafOfEntry(int entry) {
        return leafOfEntry[entry];
    }

    /** Function names from the root's child down to {@code node}. */
    public List<String> pathOf(int node) {
        String[] out = new String[depth[node]];
        for (int n = node; n != ROOT; n = parent[n]) {
            out[depth[n] - 1] = name(n);
        }
        return List.of(out);
    }

    /** The node at the end of {@code path}, or the deepest node on it that exists. */
    public int find(List<String> path) {
        int n = ROOT;
        for (String name : path) {
            int c = child(n, name);
            if (c < 0) {
                break;
            }
            n = c;
        }
        return n;
    }

    /** Accumulates a tree in a scratch trie, then lays it out in pre-order. */
    private static final class Builder {
        private final WeightedStacks input;
        private final List<StackTransform> transforms;
        private int size = 1;
        private int[] function = new int[256];
        private int[] frame = new int[256];
        private int[] parent = new int[256];
        private long[] self = new long[256];
        private int[] slots = new int[1024];

        Builder(WeightedStacks input, List<StackTransform> transforms) {
            this.input = input;
            this.transforms = transforms;
            function[0] = -1;
            frame[0] = -1;
            parent[0] = -1;
            Arrays.fill(slots, -1);
        }

        CallTree build() {
            StackTable stacks = input.stacks();
            FrameTable frames = stacks.frames();
            StackRewriter rewriter = new StackRewriter(transforms, frames.strings());
            int[] fr = new int[64];
            int[] fn = new int[64];
            int[] leafOfEntry = new int[input.size()];
            for (int e = 0; e < input.size(); e++) {
                int st = input.stack()[e];
                int len = stacks.depth(st);
                fr = stacks.framesRootFirst(st, fr);
                if (fn.length < fr.length) {
                    fn = new int[fr.length];
                }
                for (int i = 0; i < len; i++) {
                    fn[i] = frames.function(fr[i]);
                }
                len = rewriter.apply(fn, fr, len);
                if (len < 0) {
                    leafOfEntry[e] = -1;
                    continue;
                }
                int node = 0;
                for (int i = 0; i < len; i++) {
                    node = child(node, fn[i], fr[i]);
                }
                self[node] += input.weight()[e];
                leafOfEntry[e] = node;
            }
            return preorder(leafOfEntry);
        }

        private int child(int p, int fn, int fr) {
            int mask = slots.length - 1;
            int i = hash(p, fn) & mask;
            while (slots[i] >= 0) {
                int n = slots[i];
                if (parent[n] == p && function[n] == fn) {
                    return n;
                }
                i = (i + 1) & mask;
            }
            if (size == function.length) {
                int cap = size * 2;
                function = Arrays.copyOf(function, cap);
                frame = Arrays.copyOf(frame, cap);
                parent = Arrays.copyOf(parent, cap);
                self = Arrays.copyOf(self, cap);
            }
            function[size] = fn;
            frame[size] = fr;
            parent[size] = p;
            slots[i] = size;
            size++;
            if (size * 2 > slots.length) {
                rehash();
            }
            return size - 1;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            int mask = slots.length - 1;
            for (int n = 1; n < size; n++) {
                int i = hash(parent[n], function[n]) & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = n;
            }
        }

        private static int hash(int a, int b) {
            int h = a * 0x9E3779B1 + b * 0x85EBCA6B;
            return h ^ (h >>> 15);
        }

        /** Renumbers the scratch nodes in pre-order, children sorted by name, and sums totals. */
        private CallTree preorder(int[] leafOfEntry) {
            var names = input.stacks().frames().strings();
            int[] childCount = new int[size + 1];
            for (int n = 1; n < size; n++) {
                childCount[parent[n] + 1]++;
            }
            int[] childStart = new int[size + 1];
            for (int n = 0; n < size; n++) {
                childStart[n + 1] = childStart[n] + childCount[n + 1];
            }
            int[] children = new int[Math.max(0, size - 1)];
            int[] fill = Arrays.copyOf(childStart, size);
            for (int n = 1; n < size; n++) {
                children[fill[parent[n]]++] = n;
            }
            Integer[] boxed = new Integer[0];
            for (int n = 0; n < size; n++) {
                int from = childStart[n];
                int to = childStart[n + 1];
                if (to - from > 1) {
                    if (boxed.length < to - from) {
                        boxed = new Integer[to - from];
                    }
                    for (int i = from; i < to; i++) {
                        boxed[i - from] = children[i];
                    }
                    Arrays.sort(boxed, 0, to - from, (a, b) -> names.get(function[a]).compareTo(names.get(function[b])));
                    for (int i = from; i < to; i++) {
                        children[i] = boxed[i - from];
                    }
                }
            }
            int[] newId = new int[size];
            int[] order = new int[size];
            int[] stack = new int[size];
            int sp = 0;
            int next = 0;
            stack[sp++] = 0;
            while (sp > 0) {
                int n = stack[--sp];
                newId[n] = next;
                order[next++] = n;
                for (int i = childStart[n + 1] - 1; i >= childStart[n]; i--) {
                    stack[sp++] = children[i];
                }
            }
            int[] fnOut = new int[size];
            int[] frOut = new int[size];
            int[] parentOut = new int[size];
            int[] depthOut = new int[size];
            long[] selfOut = new long[size];
            long[] totalOut = new long[size];
            int[] endOut = new int[size];
            for (int i = 0; i < size; i++) {
                int n = order[i];
                fnOut[i] = function[n];
                frOut[i] = frame[n];
                parentOut[i] = n == 0 ? -1 : newId[parent[n]];
                depthOut[i] = n == 0 ? 0 : depthOut[parentOut[i]] + 1;
                selfOut[i] = self[n];
                totalOut[i] = self[n];
                endOut[i] = i + 1;
            }
            for (int i = size - 1; i > 0; i--) {
                int p = parentOut[i];
                totalOut[p] += totalOut[i];
                endOut[p] = Math.max(endOut[p], endOut[i]);
            }
            for (int e = 0; e < leafOfEntry.length; e++) {
                if (leafOfEntry[e] >= 0) {
                    leafOfEntry[e] = newId[leafOfEntry[e]];
                }
            }
            return new CallTree(input, transforms, fnOut, frOut, parentOut, depthOut, endOut, totalOut, selfOut,
                    leafOfEntry);
        }
    }
}
