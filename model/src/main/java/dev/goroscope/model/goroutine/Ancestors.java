package dev.goroscope.model.goroutine;

import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;

/**
 * The ancestor stacks of a dump ({@code [originating from goroutine N]:} blocks, printed with
 * {@code GODEBUG=tracebackancestors=N}): for some goroutines, the stacks of the goroutines that created them, at
 * the moment they did. Ancestors are not goroutines of the dump. Entry {@code a} belongs to goroutine
 * {@link #owner(int) owner(a)}; the entries of one goroutine are contiguous, nearest ancestor first.
 */
public final class Ancestors {
    static final Ancestors NONE = new Ancestors(new int[0], new long[0], new int[0], new int[0], 0);

    private final int[] owner;
    private final long[] goroutineId;
    private final int[] stack;
    private final int[] createdBy;
    private final int count;

    Ancestors(int[] owner, long[] goroutineId, int[] stack, int[] createdBy, int count) {
        this.owner = Arrays.copyOf(owner, count);
        this.goroutineId = Arrays.copyOf(goroutineId, count);
        this.stack = Arrays.copyOf(stack, count);
        this.createdBy = Arrays.copyOf(createdBy, count);
        this.count = count;
    }

    public int size() {
        return count;
    }

    /** Index of the goroutine (in its {@link GoroutineDump}) whose ancestor entry {@code a} is. */
    public int owner(int a) {
        return owner[a];
    }

    /** The ancestor goroutine's id. */
    public long goroutineId(int a) {
        return goroutineId[a];
    }

    /** The ancestor's stack at the time it created its child, in the dump's {@link StackTable}. */
    public int stack(int a) {
        return stack[a];
    }

    /** Frame id of the ancestor's own {@code created by} line, or -1. */
    public int createdBy(int a) {
        return createdBy[a];
    }

    /** The first entry of goroutine {@code g}; with {@link #end(int)} the range of its ancestors (empty if none). */
    public int start(int g) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (owner[mid] < g) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public int end(int g) {
        return start(g + 1);
    }
}
