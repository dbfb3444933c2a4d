package dev.goroscope.model.timeline;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The self time of span lanes within a time range, as stacks of span names (outermost first) weighted by
 * nanoseconds: each span's time clipped to the range, less the clipped time of the spans directly inside it. Over
 * the whole trace this is the self-time profile of the lanes' threads.
 */
public final class SpanSelfTimes {
    private final StackTable stacks = new StackTable(new FrameTable());
    private final StringTable names;
    private final int[] frameOfName;
    private int[] entryStack = new int[256];
    private long[] entryWeight = new long[256];
    private int entries;

    private SpanSelfTimes(StringTable names) {
        this.names = names;
        this.frameOfName = new int[names.size()];
        Arrays.fill(frameOfName, -1);
    }

    /**
     * The self times of the spans of {@code lanes} (names in {@code names}) in {@code [from, to)}; stops with a
     * {@link CancellationException} when {@code cancelled} turns true (checked per depth of a lane).
     */
    public static WeightedStacks of(List<SpanLane> lanes, StringTable names, long from, long to,
            BooleanSupplier cancelled) {
        SpanSelfTimes s = new SpanSelfTimes(names);
        for (SpanLane lane : lanes) {
            s.add(lane, from, to, cancelled);
        }
        return new WeightedStacks(s.stacks, Arrays.copyOf(s.entryStack, s.entries),
                Arrays.copyOf(s.entryWeight, s.entries), "nanoseconds").merged();
    }

    private void add(SpanLane lane, long from, long to, BooleanSupplier cancelled) {
        int[] outerStack = new int[0];
        int outerFirst = 0;
        for (int d = 0; d < lane.depths(); d++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("span self times");
            }
            int first = lane.firstEndingAfter(d, from);
            int last = first;
            while (last < lane.size(d) && lane.start(d, last) < to) {
                last++;
            }
            if (first == last) {
                return;
            }
            int[] stackOf = new int[last - first];
            for (int i = first; i < last; i++) {
                long start = lane.start(d, i);
                long clipped = Math.min(lane.end(d, i), to) - Math.max(start, from);
                if (clipped <= 0) {
                    stackOf[i - first] = StackTable.EMPTY;
                    continue;
                }
                int outer = d == 0 ? StackTable.EMPTY : outerStack[lane.spanAt(d - 1, start) - outerFirst];
                int stack = stacks.push(outer, frame(lane.nameId(d, i)));
                stackOf[i - first] = stack;
                entry(stack, clipped);
                if (outer != StackTable.EMPTY) {
                    entry(outer, -clipped);
                }
            }
            outerStack = stackOf;
            outerFirst = first;
        }
    }

    private void entry(int stack, long weight) {
        if (entries == entryStack.length) {
            entryStack = Arrays.copyOf(entryStack, entries * 2);
            entryWeight = Arrays.copyOf(entryWeight, entries * 2);
        }
        entryStack[entries] = stack;
        entryWeight[entries++] = weight;
    }

    private int frame(int nameId) {
        if (frameOfName[nameId] < 0) {
            frameOfName[nameId] = stacks.frames().intern(names.get(nameId), "", 0);
        }
        return frameOfName[nameId];
    }
}
