package dev.goroscope.model.stack;

import java.util.Arrays;

/**
 * Per-function totals of a {@link WeightedStacks}, as {@code go tool pprof -top} reports them: a function's
 * <em>self</em> (pprof's flat) is the weight of the entries whose innermost frame is in it; its <em>total</em>
 * (pprof's cum) is the weight of the entries with at least one frame in it, counted once per entry however often
 * the function recurs on the stack. Functions are told apart by name, so the frames of one function at different
 * lines (and its inlined copies) add up. Only functions with a frame on some entry are listed.
 */
public final class FunctionTotals {
    private final StringTable names;
    private final int[] function;
    private final long[] self;
    private final long[] total;

    private FunctionTotals(StringTable names, int[] function, long[] self, long[] total) {
        this.names = names;
        this.function = function;
        this.self = self;
        this.total = total;
    }

    /**
     * Computes the totals in one pass over the entries, walking each entry's stack once: O(total depth), memory
     * O(distinct function names).
     */
    public static FunctionTotals of(WeightedStacks input) {
        StackTable stacks = input.stacks();
        FrameTable frames = stacks.frames();
        int nameCount = frames.strings().size();
        long[] selfByName = new long[nameCount];
        long[] totalByName = new long[nameCount];
        boolean[] present = new boolean[nameCount];
        int[] lastEntry = new int[nameCount];
        Arrays.fill(lastEntry, -1);
        for (int e = 0; e < input.size(); e++) {
            int leaf = input.stack()[e];
            long w = input.weight()[e];
            if (leaf == StackTable.EMPTY) {
                continue;
            }
            selfByName[frames.function(stacks.frame(leaf))] += w;
            for (int s = leaf; s != StackTable.EMPTY; s = stacks.parent(s)) {
                int f = frames.function(stacks.frame(s));
                if (lastEntry[f] != e) {
                    lastEntry[f] = e;
                    totalByName[f] += w;
                    present[f] = true;
                }
            }
        }
        int n = 0;
        for (boolean p : present) {
            if (p) {
                n++;
            }
        }
        int[] function = new int[n];
        long[] self = new long[n];
        long[] total = new long[n];
        int k = 0;
        for (int f = 0; f < nameCount; f++) {
            if (present[f]) {
                function[k] = f;
                self[k] = selfByName[f];
                total[k++] = totalByName[f];
            }
        }
        return new FunctionTotals(frames.strings(), function, self, total);
    }

    /** Number of functions listed. */
    public int size() {
        return function.length;
    }

    /** The function's id in the stacks' {@link FrameTable#strings()}. */
    public int function(int i) {
        return function[i];
    }

    public String name(int i) {
        return names.get(function[i]);
    }

    /** pprof's flat. */
    public long self(int i) {
        return self[i];
    }

    /** pprof's cum. */
    public long total(int i) {
        return total[i];
    }

    /** The index of the function named {@code name}, or -1 when no entry has a frame in it. */
    public int indexOf(String name) {
        int id = names.find(name);
        int i = id < 0 ? -1 : Arrays.binarySearch(function, id);
        return i < 0 ? -1 : i;
    }

    /** Indexes ordered as pprof's {@code -top}: self descending, then total descending, then name. */
    public int[] bySelf() {
        return sorted(true);
    }

    /** Indexes ordered by total descending, then self descending, then name (pprof's {@code -top -cum}). */
    public int[] byTotal() {
        return sorted(false);
    }

    private int[] sorted(boolean selfFirst) {
        Integer[] order = new Integer[function.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            long[] first = selfFirst ? self : total;
            long[] second = selfFirst ? total : self;
            int c = Long.compare(Math.abs(first[b]), Math.abs(first[a]));
            if (c == 0) {
                c = Long.compare(Math.abs(second[b]), Math.abs(second[a]));
            }
            return c != 0 ? c : name(a).compareTo(name(b));
        });
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
