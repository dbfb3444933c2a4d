package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The "same object" grouping: for each named heap pointer (see {@link Pointers}) that the arguments of two or
 * more goroutines show, those goroutines, e.g. the three goroutines blocked in {@code sync.(*Mutex).lockSlow(#4)}.
 * Buckets are sorted by goroutine count, largest first, then by pointer name. Empty when the dump kept no
 * arguments. Two passes over the argument words: linear.
 */
public final class SameObjects {
    private final Pointers pointers;
    private final int[] pointer;
    private final String[] function;
    private final int[] memberStart;
    private final int[] members;

    private SameObjects(Pointers pointers, int[] pointer, String[] function, int[] memberStart, int[] members) {
        this.pointers = pointers;
        this.pointer = pointer;
        this.function = function;
        this.memberStart = memberStart;
        this.members = members;
    }

    public static SameObjects of(GoroutineDump dump, Pointers pointers) {
        GoroutineArguments args = dump.arguments();
        int n = pointers.size();
        int[] count = new int[n];
        int[] firstFunction = new int[n];
        Arrays.fill(firstFunction, -1);
        if (args != null) {
            scan(dump, pointers, count, firstFunction, null, null);
        }
        Integer[] shared = IntStream.range(0, n).filter(p -> count[p] > 1).boxed()
                .sorted((a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b))
                .toArray(Integer[]::new);
        int[] bucketOf = new int[n];
        Arrays.fill(bucketOf, -1);
        int[] pointer = new int[shared.length];
        String[] function = new String[shared.length];
        int[] memberStart = new int[shared.length + 1];
        for (int b = 0; b < shared.length; b++) {
            int p = shared[b];
            bucketOf[p] = b;
            pointer[b] = p;
            function[b] = firstFunction[p] < 0 ? null : dump.stacks().frames().strings().get(firstFunction[p]);
            memberStart[b + 1] = memberStart[b] + count[p];
        }
        int[] members = new int[memberStart[shared.length]];
        if (shared.length > 0) {
            scan(dump, pointers, new int[n], firstFunction, bucketOf, new Fill(memberStart, members));
        }
        return new SameObjects(pointers, pointer, function, memberStart, members);
    }

    /** Visits each (pointer, goroutine) pair once; counts it, or with a fill, records the goroutine. */
    private static void scan(GoroutineDump dump, Pointers pointers, int[] count, int[] firstFunction, int[] bucketOf,
            Fill fill) {
        GoroutineArguments args = dump.arguments();
        StackTable stacks = dump.stacks();
        int[] lastSeen = new int[count.length];
        Arrays.fill(lastSeen, -1);
        for (int g = 0; g < dump.size(); g++) {
            int s = dump.stack(g);
            for (int f = 0; f < args.frameCount(g); f++) {
                for (int w = args.wordStart(g, f); w < args.wordEnd(g, f); w++) {
                    int p = args.kind(w) == GoroutineArguments.VALUE ? pointers.number(args.word(w)) : -1;
                    if (p < 0 || lastSeen[p] == g) {
                        continue;
                    }
                    lastSeen[p] = g;
                    count[p]++;
                    if (firstFunction[p] < 0 && s != StackTable.EMPTY) {
                        firstFunction[p] = stacks.frames().function(stacks.frame(s));
                    }
                    if (fill != null && bucketOf[p] >= 0) {
                        fill.add(bucketOf[p], g);
                    }
                }
                s = s == StackTable.EMPTY ? s : stacks.parent(s);
            }
        }
    }

    private static final class Fill {
        private final int[] next;
        private final int[] members;

        Fill(int[] memberStart, int[] members) {
            this.next = Arrays.copyOf(memberStart, memberStart.length - 1);
            this.members = members;
        }

        void add(int bucket, int g) {
            members[next[bucket]++] = g;
        }
    }

    /** Number of shared objects. */
    public int size() {
        return pointer.length;
    }

    /** The object's name, e.g. {@code #4}. */
    public String name(int bucket) {
        return "#" + (pointer[bucket] + 1);
    }

    /** The object's address. */
    public long address(int bucket) {
        return pointers.value(pointer[bucket]);
    }

    /** The function of the first frame that showed the object, e.g. {@code sync.(*Mutex).lockSlow}, or null. */
    public String function(int bucket) {
        return function[bucket];
    }

    /** Goroutines (dump indices, in dump order) whose arguments show the object. */
    public int[] members(int bucket) {
        return Arrays.copyOfRange(members, memberStart[bucket], memberStart[bucket + 1]);
    }

    public int count(int bucket) {
        return memberStart[bucket + 1] - memberStart[bucket];
    }
}
