package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.GoFunctionName;
import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;

/**
 * The goroutines of one dump bucketed into groups of alike goroutines (see {@link GroupingOptions}), in linear
 * time: each goroutine's key is built from memoised per-stack keys and found in one hash table, never compared
 * with every other group. Groups are numbered in order of their first goroutine; {@link #order(GroupOrder)} sorts
 * them for display. Immutable.
 */
public final class GoroutineGroups {
    private final GoroutineDump dump;
    private final GroupingOptions options;
    private final StackFacts facts;
    private volatile Pointers pointers;
    private final int[] groupOf;
    private final int[] first;
    private final int[] count;
    private final int[] minWait;
    private final int[] maxWait;
    private final int[] histogram;
    private final int[] locked;
    private final int[] leaked;
    private final int[] memberStart;
    private final int[] members;

    private GoroutineGroups(GoroutineDump dump, GroupingOptions options, StackFacts facts, Pointers pointers,
            int[] groupOf, int[] first) {
        this.dump = dump;
        this.options = options;
        this.facts = facts;
        this.pointers = pointers;
        this.groupOf = groupOf;
        this.first = first;
        int n = first.length;
        count = new int[n];
        minWait = new int[n];
        maxWait = new int[n];
        histogram = new int[n * WaitHistogram.BUCKETS];
        locked = new int[n];
        leaked = new int[n];
        Arrays.fill(minWait, Integer.MAX_VALUE);
        for (int g = 0; g < dump.size(); g++) {
            int k = groupOf[g];
            int m = dump.waitMinutes(g);
            count[k]++;
            minWait[k] = Math.min(minWait[k], m);
            maxWait[k] = Math.max(maxWait[k], m);
            histogram[k * WaitHistogram.BUCKETS + WaitHistogram.bucket(m)]++;
            if (dump.has(g, GoroutineDump.LOCKED_TO_THREAD)) {
                locked[k]++;
            }
            if (dump.has(g, GoroutineDump.LEAKED)) {
                leaked[k]++;
            }
        }
        memberStart = new int[n + 1];
        for (int k = 0; k < n; k++) {
            memberStart[k + 1] = memberStart[k] + count[k];
        }
        members = new int[dump.size()];
        int[] fill = Arrays.copyOf(memberStart, n);
        for (int g = 0; g < dump.size(); g++) {
            members[fill[groupOf[g]]++] = g;
        }
    }

    /** Groups {@code dump}'s goroutines with the default options. */
    public static GoroutineGroups of(GoroutineDump dump) {
        return of(dump, GroupingOptions.DEFAULT);
    }

    /** Groups {@code dump}'s goroutines. */
    public static GoroutineGroups of(GoroutineDump dump, GroupingOptions options) {
        return new Grouper(dump, options).run();
    }

    public GoroutineDump dump() {
        return dump;
    }

    public GroupingOptions options() {
        return options;
    }

    public StackFacts facts() {
        return facts;
    }

    /** The dump's named pointers (computed on first use: a pass over every argument word). */
    public Pointers pointers() {
        Pointers p = pointers;
        if (p == null) {
            p = Pointers.of(dump);
            pointers = p;
        }
        return p;
    }

    public int size() {
        return first.length;
    }

    /** The group of goroutine {@code g} (an index into the dump). */
    public int groupOf(int g) {
        return groupOf[g];
    }

    public int count(int group) {
        return count[group];
    }

    /** The goroutines of {@code group}, as dump indices in dump order. */
    public int[] members(int group) {
        return Arrays.copyOfRange(members, memberStart[group], memberStart[group + 1]);
    }

    /** The group's first goroutine in dump order, whose stack and arguments the group shows. */
    public int representative(int group) {
        return first[group];
    }

    /** Everything a table row shows about {@code group}. */
    public GoroutineGroup group(int group) {
        int g = first[group];
        int stack = dump.stack(g);
        int creator = dump.createdBy(g);
        FrameTable frames = dump.stacks().frames();
        return new GoroutineGroup(group, count[group], dump.state(g), dump.waitReasonText(g), facts.entryName(stack),
                facts.leafName(stack), creator < 0 ? null : frames.functionName(creator),
                creator < 0 ? null : frames.fileName(creator) + ":" + frames.line(creator), stack, minWait[group],
                maxWait[group], Arrays.copyOfRange(histogram, group * WaitHistogram.BUCKETS,
                        (group + 1) * WaitHistogram.BUCKETS), locked[group], leaked[group], facts.stdlibOnly(stack));
    }

    /**
     * The groups whose goroutines were started with {@code entryFunction} and wait in {@code leafFunction} (see
     * {@link StackFacts}; generic functions match whatever their type arguments, as
     * {@link GoFunctionName#asTraceback} prints them), largest first: where a finding that names functions rather
     * than a group (a goroutineleak profile's verdict, a series' growth) shows in this dump.
     */
    public int[] withFunctions(String entryFunction, String leafFunction) {
        String entry = GoFunctionName.asTraceback(entryFunction);
        String leaf = GoFunctionName.asTraceback(leafFunction);
        return Arrays.stream(order(GroupOrder.COUNT)).filter(k -> {
            int stack = dump.stack(first[k]);
            return GoFunctionName.asTraceback(facts.entryName(stack)).equals(entry)
                    && GoFunctionName.asTraceback(facts.leafName(stack)).equals(leaf);
        }).toArray();
    }

    /** Group indices sorted for display. */
    public int[] order(GroupOrder by) {
        Integer[] boxed = new Integer[size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> compare(by, a, b));
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /**
     * The arguments of frame {@code frame} (0 = innermost) of the group's goroutines as one text, e.g.
     * {@code #3, 0x0?, *}: a word that all members share is shown (pointers by name), one that differs is
     * {@code *}. Empty when the dump kept no arguments.
     */
    public String arguments(int group, int frame) {
        GoroutineArguments args = dump.arguments();
        int rep = first[group];
        if (args == null || frame >= args.frameCount(rep)) {
            return "";
        }
        int from = args.wordStart(rep, frame);
        int len = args.wordEnd(rep, frame) - from;
        boolean[] differs = new boolean[len];
        for (int m = memberStart[group] + 1; m < memberStart[group + 1]; m++) {
            int g = members[m];
            if (frame >= args.frameCount(g) || args.list(g, frame) == args.list(rep, frame)
                    || args.wordEnd(g, frame) - args.wordStart(g, frame) != len) {
                continue;
            }
            int at = args.wordStart(g, frame);
            for (int i = 0; i < len; i++) {
                if (args.kind(at + i) != args.kind(from + i) || args.word(at + i) != args.word(from + i)) {
                    differs[i] = true;
                }
            }
        }
        Pointers named = pointers();
        return args.format(rep, frame, i -> differs[i - from] ? "*"
                : args.kind(i) == GoroutineArguments.VALUE ? named.name(args.word(i)) : null);
    }

    private int compare(GroupOrder by, int a, int b) {
        int c = 0;
        if (by == GroupOrder.MY_CODE_FIRST) {
            c = Boolean.compare(facts.stdlibOnly(dump.stack(first[a])), facts.stdlibOnly(dump.stack(first[b])));
        } else if (by == GroupOrder.LONGEST_WAIT) {
            c = Integer.compare(maxWait[b], maxWait[a]);
        }
        if (c == 0) {
            c = Integer.compare(count[b], count[a]);
        }
        if (c == 0) {
            c = Integer.compare(maxWait[b], maxWait[a]);
        }
        return c != 0 ? c : Integer.compare(first[a], first[b]);
    }

    /** Builds the groups: one pass over the goroutines with memoised stack keys and one hash table. */
    private static final class Grouper {
        private final GoroutineDump dump;
        private final GroupingOptions options;
        private final StackTable stacks;
        private final GoroutineArguments args;
        private final Pointers pointers;
        private final int[] stackKey;
        private int[] listHashes;
        private final StackTable keyTable = new StackTable();
        private int[] slots;
        private int[] first = new int[64];
        private int[] hashOf = new int[64];
        private int groups;

        Grouper(GoroutineDump dump, GroupingOptions options) {
            this.dump = dump;
            this.options = options;
            this.stacks = dump.stacks();
            this.args = options.argumentMatch() == GroupingOptions.ArgumentMatch.ANY ? null : dump.arguments();
            this.pointers = args == null ? null : Pointers.of(dump);
            this.stackKey = new int[stacks.size()];
            Arrays.fill(stackKey, Integer.MIN_VALUE);
            slots = new int[Integer.highestOneBit(Math.max(64, dump.size() / 4)) * 2];
            Arrays.fill(slots, -1);
        }

        GoroutineGroups run() {
            int[] groupOf = new int[dump.size()];
            for (int g = 0; g < dump.size(); g++) {
                groupOf[g] = find(g);
            }
            return new GoroutineGroups(dump, options, StackFacts.of(stacks), pointers, groupOf,
                    Arrays.copyOf(first, groups));
        }

        private int find(int g) {
            int h = hash(g);
            int mask = slots.length - 1;
            int i = h & mask;
            while (slots[i] >= 0) {
                int k = slots[i];
                if (hashOf[k] == h && same(first[k], g)) {
                    return k;
                }
                i = (i + 1) & mask;
            }
            if (groups == first.length) {
                first = Arrays.copyOf(first, groups * 2);
                hashOf = Arrays.copyOf(hashOf, groups * 2);
            }
            first[groups] = g;
            hashOf[groups] = h;
            slots[i] = groups;
            if (++groups * 2 > slots.length) {
                rehash();
            }
            return groups - 1;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            int mask = slots.length - 1;
            for (int k = 0; k < groups; k++) {
                int i = hashOf[k] & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = k;
            }
        }

        private int hash(int g) {
            int h = key(dump.stack(g));
            h = h * 31 + creatorKey(g);
            h = h * 31 + dump.state(g).ordinal();
            h = h * 31 + dump.waitReason(g);
            if (args != null) {
                int frames = comparedFrames(g);
                for (int f = 0; f < frames; f++) {
                    h = h * 31 + listHash(args.list(g, f));
                }
            }
            h *= 0x9E3779B1;
            return h ^ (h >>> 16);
        }

        private boolean same(int a, int b) {
            if (key(dump.stack(a)) != key(dump.stack(b)) || creatorKey(a) != creatorKey(b)
                    || dump.state(a) != dump.state(b) || dump.waitReason(a) != dump.waitReason(b)) {
                return false;
            }
            if (args == null) {
                return true;
            }
            int frames = comparedFrames(a);
            if (frames != comparedFrames(b)) {
                return false;
            }
            for (int f = 0; f < frames; f++) {
                if (args.list(a, f) == args.list(b, f)) {
                    continue;
                }
                int wa = args.wordStart(a, f);
                int wb = args.wordStart(b, f);
                int len = args.wordEnd(a, f) - wa;
                if (len != args.wordEnd(b, f) - wb) {
                    return false;
                }
                for (int i = 0; i < len; i++) {
                    byte k = args.kind(wa + i);
                    if (k != args.kind(wb + i) || compared(k, args.word(wa + i)) && args.word(wa + i) != args.word(wb + i)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** A hash of one argument list over what is compared (memoised per interned list). */
        private int listHash(int list) {
            if (listHashes == null) {
                listHashes = new int[args.listCount()];
                Arrays.fill(listHashes, Integer.MIN_VALUE);
            }
            int h = listHashes[list];
            if (h == Integer.MIN_VALUE) {
                h = 7;
                for (int w = args.listWordStart(list); w < args.listWordEnd(list); w++) {
                    h = h * 31 + args.kind(w);
                    if (compared(args.kind(w), args.word(w))) {
                        h = h * 31 + Long.hashCode(args.word(w));
                    }
                }
                h = h == Integer.MIN_VALUE ? 0 : h;
                listHashes[list] = h;
            }
            return h;
        }

        private boolean compared(byte kind, long word) {
            return kind == GoroutineArguments.VALUE
                    && (options.argumentMatch() == GroupingOptions.ArgumentMatch.EXACT || !pointers.isPointer(word));
        }

        private int comparedFrames(int g) {
            int n = args.frameCount(g);
            return options.topFrames() == 0 ? n : Math.min(n, options.topFrames());
        }

        private int creatorKey(int g) {
            int c = dump.createdBy(g);
            if (options.topFrames() > 0 || c < 0) {
                return -1;
            }
            return options.stackMatch() == GroupingOptions.StackMatch.LINES ? c : stacks.frames().function(c);
        }

        /** The stack's key: itself for whole stacks at line level, else an id in a private table of keys. */
        private int key(int stack) {
            if (stack == StackTable.EMPTY) {
                return StackTable.EMPTY;
            }
            if (options.topFrames() == 0 && options.stackMatch() == GroupingOptions.StackMatch.LINES) {
                return stack;
            }
            int k = stackKey[stack];
            if (k != Integer.MIN_VALUE) {
                return k;
            }
            if (options.topFrames() == 0) {
                k = wholeStackKey(stack);
            } else {
                k = StackTable.EMPTY;
                int s = stack;
                for (int i = 0; i < options.topFrames() && s != StackTable.EMPTY; i++, s = stacks.parent(s)) {
                    k = keyTable.push(k, unit(s));
                }
            }
            stackKey[stack] = k;
            return k;
        }

        /** Keys the callers first (iteratively: a caller's id is smaller), then this stack. */
        private int wholeStackKey(int stack) {
            int top = stack;
            while (stacks.parent(top) != StackTable.EMPTY && stackKey[stacks.parent(top)] == Integer.MIN_VALUE) {
                top = stacks.parent(top);
            }
            int skip = stacks.depth(top) - 1;
            int k = stacks.parent(top) == StackTable.EMPTY ? StackTable.EMPTY : stackKey[stacks.parent(top)];
            int s = stack;
            int[] chain = new int[stacks.depth(stack) - skip];
            for (int i = chain.length - 1; i >= 0; i--, s = stacks.parent(s)) {
                chain[i] = s;
            }
            for (int c : chain) {
                k = keyTable.push(k, unit(c));
                stackKey[c] = k;
            }
            return k;
        }

        private int unit(int stack) {
            int frame = stacks.frame(stack);
            return options.stackMatch() == GroupingOptions.StackMatch.LINES ? frame : stacks.frames().function(frame);
        }
    }
}
