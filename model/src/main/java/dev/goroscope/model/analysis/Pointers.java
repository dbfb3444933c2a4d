package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;

/**
 * Stable names for the heap pointers a dump's arguments show: the first distinct pointer met (goroutines in dump
 * order, frames innermost first) is {@code #1}, the next {@code #2}, and so on, so goroutines waiting on the same
 * channel or mutex show the same name. Only exact words (no {@code ?}) that look like Go heap addresses count.
 */
public final class Pointers {
    private final LongIntMap numbers;
    private final long[] values;

    private Pointers(LongIntMap numbers, long[] values) {
        this.numbers = numbers;
        this.values = values;
    }

    /** Names the pointers of {@code dump}; none when it has no arguments. */
    public static Pointers of(GoroutineDump dump) {
        GoroutineArguments args = dump.arguments();
        if (args == null) {
            return new Pointers(new LongIntMap(0), new long[0]);
        }
        LongIntMap numbers = new LongIntMap(1024);
        long[] values = new long[64];
        for (int i = 0; i < args.wordCount(); i++) {
            if (args.kind(i) == GoroutineArguments.VALUE && isHeapPointer(args.word(i))) {
                int n = numbers.size();
                if (numbers.putIfAbsent(args.word(i), n) == n) {
                    if (n == values.length) {
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    values[n] = args.word(i);
                }
            }
        }
        return new Pointers(numbers, java.util.Arrays.copyOf(values, numbers.size()));
    }

    /**
     * Whether a word looks like a Go heap (or goroutine stack) address: the runtime reserves its arenas at the
     * hints {@code 0x00c0 << 32}, {@code 0x01c0 << 32} … {@code 0x7fc0 << 32} on 64-bit systems, so such
     * addresses have {@code 0xc0} in bits 32–39. Type descriptors, small integers and durations do not.
     */
    public static boolean isHeapPointer(long word) {
        return ((word >>> 32) & 0xff) == 0xc0 && (word >>> 40) < 0x80;
    }

    /** The name of {@code word} ({@code #k}), or null when it is not a named pointer. */
    public String name(long word) {
        int n = numbers.get(word);
        return n < 0 ? null : "#" + (n + 1);
    }

    /** The 0-based number of {@code word}, or -1. */
    public int number(long word) {
        return numbers.get(word);
    }

    /** The pointer named {@code #(number + 1)}. */
    public long value(int number) {
        return values[number];
    }

    public int size() {
        return values.length;
    }
}
