package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.util.Arrays;

/**
 * Which argument words of one dump are heap pointers, and stable names for them: the first distinct pointer met
 * (goroutines in dump order, frames innermost first) is {@code #1}, the next {@code #2}, and so on, so goroutines
 * waiting on the same channel or mutex show the same name. Only exact words (no {@code ?}) are named.
 * <p>
 * A word is taken for a heap pointer when it lies in a Go heap arena (64 MiB) that this dump's arguments show
 * several distinct words in, or, for dumps too small to tell, when it lies where Go before 1.26 placed its heap
 * ({@code 0x00c0 << 32}, {@code 0x01c0 << 32} …). Go 1.26 randomises the heap base on 64-bit systems
 * ({@code 0x2df6c018e0e0}), hence the clustering; type descriptors of non-PIE binaries (below 4 GiB), small
 * integers and lone durations are not pointers.
 */
public final class Pointers {
    private static final int ARENA_SHIFT = 26;
    private static final long LOWEST = 1L << 32;

    private final LongIntMap hotArenas;
    private final LongIntMap numbers;
    private final long[] values;

    private Pointers(LongIntMap hotArenas, LongIntMap numbers, long[] values) {
        this.hotArenas = hotArenas;
        this.numbers = numbers;
        this.values = values;
    }

    /** Finds and names the pointers of {@code dump}; none when it has no arguments. */
    public static Pointers of(GoroutineDump dump) {
        GoroutineArguments args = dump.arguments();
        if (args == null) {
            return new Pointers(new LongIntMap(0), new LongIntMap(0), new long[0]);
        }
        LongIntMap arenas = new LongIntMap(64);
        long[] firstWord = new long[64];
        LongIntMap hot = new LongIntMap(16);
        for (int i = 0; i < args.wordCount(); i++) {
            byte k = args.kind(i);
            long w = args.word(i);
            if (k != GoroutineArguments.VALUE && k != GoroutineArguments.UNCERTAIN || w < LOWEST) {
                continue;
            }
            int n = arenas.size();
            int a = arenas.putIfAbsent(w >>> ARENA_SHIFT, n);
            if (a == n) {
                if (n == firstWord.length) {
                    firstWord = Arrays.copyOf(firstWord, n * 2);
                }
                firstWord[n] = w;
            } else if (firstWord[a] != w) {
                hot.putIfAbsent(w >>> ARENA_SHIFT, 1);
            }
        }
        Pointers probe = new Pointers(hot, null, null);
        LongIntMap numbers = new LongIntMap(1024);
        long[] values = new long[64];
        for (int i = 0; i < args.wordCount(); i++) {
            long w = args.word(i);
            if (args.kind(i) == GoroutineArguments.VALUE && probe.isPointer(w)) {
                int n = numbers.size();
                if (numbers.putIfAbsent(w, n) == n) {
                    if (n == values.length) {
                        values = Arrays.copyOf(values, n * 2);
                    }
                    values[n] = w;
                }
            }
        }
        return new Pointers(hot, numbers, Arrays.copyOf(values, numbers.size()));
    }

    /** Whether {@code word} is taken for a heap pointer in this dump. */
    public boolean isPointer(long word) {
        return isLegacyHeapAddress(word) || word >= LOWEST && hotArenas.get(word >>> ARENA_SHIFT) >= 0;
    }

    /**
     * Whether a word lies where Go before 1.26 reserved its heap arenas on 64-bit systems: the hints
     * {@code 0x00c0 << 32} … {@code 0x7fc0 << 32}, i.e. {@code 0xc0} in bits 32–39.
     */
    public static boolean isLegacyHeapAddress(long word) {
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
