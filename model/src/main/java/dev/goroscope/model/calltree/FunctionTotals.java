package dev.goroscope.model.calltree;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per function, how much weight passes through it, as pprof's {@code top} counts: {@code total} is the weight of
 * the stacks that contain the function, counted once per stack even when it recurses; {@code self} is the weight
 * of the stacks whose innermost frame is the function. For a goroutine dump weighted by goroutine counts, total is
 * "goroutines with this function on their stack" and self "goroutines stopped in it". Immutable.
 */
public final class FunctionTotals {
    /** One function's figures. */
    public record Entry(String function, long self, long total) {
    }

    /** Most total weight first, ties by name. */
    public static final Comparator<Entry> BY_TOTAL =
            Comparator.comparingLong(Entry::total).reversed().thenComparing(Entry::function);

    private final StringTable names;
    private final long[] self;
    private final long[] total;
    private final boolean[] present;

    private FunctionTotals(StringTable names, long[] self, long[] total, boolean[] present) {
        this.names = names;
        this.self = self;
        this.total = total;
        this.present = present;
    }

    /** Adds up {@code input}; entries of zero weight and empty stacks contribute nothing. */
    public static FunctionTotals of(WeightedStacks input) {
        StackTable stacks = input.stacks();
        FrameTable frames = stacks.frames();
        int n = frames.strings().size();
        long[] self = new long[n];
        long[] total = new long[n];
        boolean[] present = new boolean[n];
        int[] seenIn = new int[n];
        int[] stackOf = input.stack();
        long[] weightOf = input.weight();
        for (int e = 0; e < stackOf.length; e++) {
            long w = weightOf[e];
            int s = stackOf[e];
            if (w == 0 || s == StackTable.EMPTY) {
                continue;
            }
            int stamp = e + 1;
            self[frames.function(stacks.frame(s))] += w;
            for (; s != StackTable.EMPTY; s = stacks.parent(s)) {
                int f = frames.function(stacks.frame(s));
                if (seenIn[f] != stamp) {
                    seenIn[f] = stamp;
                    total[f] += w;
                    present[f] = true;
                }
            }
        }
        return new FunctionTotals(frames.strings(), self, total, present);
    }

    /** Weight of the stacks whose innermost frame is {@code function}; 0 for an unknown name. */
    public long self(String function) {
        int id = names.find(function);
        return id < 0 || id >= self.length ? 0 : self[id];
    }

    /** Weight of the stacks containing {@code function}, once per stack; 0 for an unknown name. */
    public long total(String function) {
        int id = names.find(function);
        return id < 0 || id >= total.length ? 0 : total[id];
    }

    /**
     * The functions on stacks of nonzero weight, most total weight first (ties by name), at most {@code limit} of
     * them; every one when {@code limit <= 0}.
     */
    public List<Entry> top(int limit) {
        List<Entry> all = new ArrayList<>();
        for (int id = 0; id < present.length; id++) {
            if (present[id]) {
                all.add(new Entry(names.get(id), self[id], total[id]));
            }
        }
        all.sort(BY_TOTAL);
        return limit > 0 && limit < all.size() ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }
}
