package dev.goroscope.model.goroutine;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;
import java.util.List;

/**
 * The goroutines of one dump, stored as columns: goroutine {@code i} has {@code id(i)}, {@code state(i)} and so
 * on. Built once by a {@link Builder}, then immutable.
 */
public final class GoroutineDump {
    /** Flag: the header said {@code locked to thread}. */
    public static final int LOCKED_TO_THREAD = 1;
    /** Flag: the header carried {@code (scan)}: the GC scan bit was set. */
    public static final int SCAN = 1 << 1;
    /** Flag: frames were elided from the middle or the end of the stack. */
    public static final int FRAMES_ELIDED = 1 << 2;
    /** Flag: the dump was cut off inside this goroutine. */
    public static final int TRUNCATED = 1 << 3;
    /** Flag: the stack was unavailable ("goroutine running on other thread"). */
    public static final int STACK_UNAVAILABLE = 1 << 4;
    /** Flag: a system goroutine (its outermost function is in package runtime). */
    public static final int SYSTEM = 1 << 5;
    /** Flag: the goroutine is durably blocked inside a synctest bubble ({@code , durably blocked}, Go 1.25+). */
    public static final int DURABLY_BLOCKED = 1 << 6;
    /** Flag: the goroutine leak detector found it leaked ({@code (leaked)} after the wait reason, Go 1.26). */
    public static final int LEAKED = 1 << 7;

    private final StackTable stacks;
    private final StringTable waitReasons;
    private final int count;
    private final long[] id;
    private final byte[] state;
    private final int[] waitReason;
    private final int[] waitMinutes;
    private final int[] stack;
    private final int[] createdBy;
    private final long[] parentId;
    private final byte[] flags;
    private final long[] bubble;
    private final int[] labels;
    private final StringTable labelSets;
    private final Ancestors ancestors;
    private final List<String> preamble;
    private final GoroutineArguments arguments;

    private GoroutineDump(Builder b) {
        stacks = b.stacks;
        waitReasons = b.waitReasons;
        count = b.count;
        id = Arrays.copyOf(b.id, count);
        state = Arrays.copyOf(b.state, count);
        waitReason = Arrays.copyOf(b.waitReason, count);
        waitMinutes = Arrays.copyOf(b.waitMinutes, count);
        stack = Arrays.copyOf(b.stack, count);
        createdBy = Arrays.copyOf(b.createdBy, count);
        parentId = Arrays.copyOf(b.parentId, count);
        flags = Arrays.copyOf(b.flags, count);
        bubble = b.bubble == null ? null : Arrays.copyOf(b.bubble, count);
        labels = b.labels == null ? null : Arrays.copyOf(b.labels, count);
        labelSets = b.labelSets;
        ancestors = b.ancestorCount == 0 ? Ancestors.NONE
                : new Ancestors(b.ancestorOwner, b.ancestorId, b.ancestorStack, b.ancestorCreatedBy, b.ancestorCount);
        preamble = b.preamble;
        arguments = b.arguments;
        if (arguments != null && arguments.goroutineCount() != count) {
            throw new IllegalStateException(arguments.goroutineCount() + " argument rows for " + count + " goroutines");
        }
    }

    public int size() {
        return count;
    }

    public StackTable stacks() {
        return stacks;
    }

    /** The interned wait reasons; {@link #waitReason(int)} indexes it. */
    public StringTable waitReasons() {
        return waitReasons;
    }

    public long id(int g) {
        return id[g];
    }

    public GoroutineState state(int g) {
        return GoroutineState.ofOrdinal(state[g]);
    }

    /** Wait reason id in {@link #waitReasons()}, or -1 when the goroutine is not waiting with a reason. */
    public int waitReason(int g) {
        return waitReason[g];
    }

    /** The wait reason text, or null. */
    public String waitReasonText(int g) {
        return waitReason[g] < 0 ? null : waitReasons.get(waitReason[g]);
    }

    /** Whole minutes blocked as the header said, 0 when it said nothing. */
    public int waitMinutes(int g) {
        return waitMinutes[g];
    }

    /** Stack id in {@link #stacks()}, {@link StackTable#EMPTY} when no frame was listed. */
    public int stack(int g) {
        return stack[g];
    }

    /** Frame id of the {@code created by} line, or -1. */
    public int createdBy(int g) {
        return createdBy[g];
    }

    /** Id of the goroutine that created this one ({@code in goroutine N}, Go 1.21+), or -1. */
    public long parentId(int g) {
        return parentId[g];
    }

    public boolean has(int g, int flag) {
        return (flags[g] & flag) != 0;
    }

    /** The argument words of every frame, or null when the importer did not keep them. */
    public GoroutineArguments arguments() {
        return arguments;
    }

    /** The synctest bubble (group) id the header named ({@code synctest bubble N}, Go 1.24+), or -1. */
    public long bubble(int g) {
        return bubble == null ? -1 : bubble[g];
    }

    /**
     * The pprof labels the header listed ({@code GODEBUG=tracebacklabels=1}, Go 1.26) as printed, e.g.
     * {@code {"pattern": "chan-send"}}, or null.
     */
    public String labels(int g) {
        return labels == null || labels[g] < 0 ? null : labelSets.get(labels[g]);
    }

    /** The ancestor stacks printed with {@code GODEBUG=tracebackancestors}; empty for most dumps. */
    public Ancestors ancestors() {
        return ancestors;
    }

    /**
     * What the runtime printed before the goroutines of a crash: the panic value(s) or {@code fatal error},
     * the {@code [signal …]} or {@code SIGQUIT} lines, one string per line; empty for a dump taken on request.
     */
    public List<String> preamble() {
        return preamble;
    }

    /** One entry per distinct stack, weighted by how many goroutines have it. */
    public WeightedStacks stackCounts() {
        int[] s = Arrays.copyOf(stack, count);
        long[] w = new long[count];
        Arrays.fill(w, 1L);
        return new WeightedStacks(stacks, s, w, "goroutines").merged();
    }

    /** Collects goroutines one by one, in file order. */
    public static final class Builder {
        private final StackTable stacks;
        private final StringTable waitReasons = new StringTable();
        private int count;
        private long[] id = new long[64];
        private byte[] state = new byte[64];
        private int[] waitReason = new int[64];
        private int[] waitMinutes = new int[64];
        private int[] stack = new int[64];
        private int[] createdBy = new int[64];
        private long[] parentId = new long[64];
        private byte[] flags = new byte[64];
        private long[] bubble;
        private int[] labels;
        private final StringTable labelSets = new StringTable();
        private int ancestorCount;
        private int[] ancestorOwner = new int[0];
        private long[] ancestorId = new long[0];
        private int[] ancestorStack = new int[0];
        private int[] ancestorCreatedBy = new int[0];
        private List<String> preamble = List.of();
        private GoroutineArguments arguments;

        public Builder(StackTable stacks) {
            this.stacks = stacks;
        }

        public StackTable stacks() {
            return stacks;
        }

        public StringTable waitReasons() {
            return waitReasons;
        }

        /**
         * Adds a goroutine.
         *
         * @param waitReasonId id in {@link #waitReasons()} or -1
         * @param createdByFrame frame id or -1
         * @param parent creator goroutine id or -1
         */
        public Builder add(long goroutineId, GoroutineState st, int waitReasonId, int minutes, int stackId,
                int createdByFrame, long parent, int flagBits) {
            if (count == id.length) {
                grow();
            }
            id[count] = goroutineId;
            state[count] = (byte) st.ordinal();
            waitReason[count] = waitReasonId;
            waitMinutes[count] = minutes;
            stack[count] = stackId;
            createdBy[count] = createdByFrame;
            parentId[count] = parent;
            flags[count] = (byte) flagBits;
            count++;
            return this;
        }

        /**
         * Replaces the columns of goroutine {@code g} (its bubble, labels and ancestors stay): for a goroutine
         * printed twice, when the later print says more (a stack where the first said "stack unavailable").
         */
        public Builder replace(int g, long goroutineId, GoroutineState st, int waitReasonId, int minutes, int stackId,
                int createdByFrame, long parent, int flagBits) {
            if (g < 0 || g >= count) {
                throw new IndexOutOfBoundsException("goroutine " + g + " of " + count);
            }
            id[g] = goroutineId;
            state[g] = (byte) st.ordinal();
            waitReason[g] = waitReasonId;
            waitMinutes[g] = minutes;
            stack[g] = stackId;
            createdBy[g] = createdByFrame;
            parentId[g] = parent;
            flags[g] = (byte) flagBits;
            return this;
        }

        /** Gives the goroutine added last the pprof labels its header listed, see {@link GoroutineDump#labels}. */
        public Builder labels(String labelText) {
            if (labels == null) {
                labels = new int[id.length];
                Arrays.fill(labels, -1);
            }
            labels[count - 1] = labelSets.intern(labelText);
            return this;
        }

        /** Puts the goroutine added last in synctest bubble {@code bubbleId}. */
        public Builder bubble(long bubbleId) {
            if (bubble == null) {
                bubble = new long[id.length];
                Arrays.fill(bubble, -1L);
            }
            bubble[count - 1] = bubbleId;
            return this;
        }

        /**
         * Adds an ancestor of the goroutine added last; call it nearest ancestor first.
         *
         * @param stackId        the ancestor's stack in {@link #stacks()}
         * @param createdByFrame frame id of the ancestor's {@code created by} line, or -1
         */
        public Builder ancestor(long ancestorGoroutineId, int stackId, int createdByFrame) {
            if (ancestorCount == ancestorOwner.length) {
                int n = Math.max(16, ancestorCount * 2);
                ancestorOwner = Arrays.copyOf(ancestorOwner, n);
                ancestorId = Arrays.copyOf(ancestorId, n);
                ancestorStack = Arrays.copyOf(ancestorStack, n);
                ancestorCreatedBy = Arrays.copyOf(ancestorCreatedBy, n);
            }
            ancestorOwner[ancestorCount] = count - 1;
            ancestorId[ancestorCount] = ancestorGoroutineId;
            ancestorStack[ancestorCount] = stackId;
            ancestorCreatedBy[ancestorCount] = createdByFrame;
            ancestorCount++;
            return this;
        }

        /** The crash preamble lines, see {@link GoroutineDump#preamble()}. */
        public Builder preamble(List<String> lines) {
            preamble = List.copyOf(lines);
            return this;
        }

        public int size() {
            return count;
        }

        /** Attaches argument words, one row per goroutine added (checked by {@link #build()}). */
        public Builder arguments(GoroutineArguments args) {
            this.arguments = args;
            return this;
        }

        public GoroutineDump build() {
            return new GoroutineDump(this);
        }

        private void grow() {
            int n = count * 2;
            id = Arrays.copyOf(id, n);
            state = Arrays.copyOf(state, n);
            waitReason = Arrays.copyOf(waitReason, n);
            waitMinutes = Arrays.copyOf(waitMinutes, n);
            stack = Arrays.copyOf(stack, n);
            createdBy = Arrays.copyOf(createdBy, n);
            parentId = Arrays.copyOf(parentId, n);
            flags = Arrays.copyOf(flags, n);
            if (bubble != null) {
                bubble = Arrays.copyOf(bubble, n);
                Arrays.fill(bubble, count, n, -1L);
            }
            if (labels != null) {
                labels = Arrays.copyOf(labels, n);
                Arrays.fill(labels, count, n, -1);
            }
        }
    }
}
