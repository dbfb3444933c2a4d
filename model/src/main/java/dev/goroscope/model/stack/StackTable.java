package dev.goroscope.model.stack;

import java.util.Arrays;

/**
 * Stacks interned as a trie of (caller stack, frame): a stack is an {@code int} naming its innermost frame's
 * node, whose parent is the stack of its caller. A dump of a million goroutines over 40 distinct stacks holds
 * 40 leaf stacks. {@link #EMPTY} is the stack with no frames.
 *
 * <p>A node costs about 16 bytes (parent, frame, and an open-addressing slot at most 3/4 full, tables grown by
 * half), so a 300 MB CPU profile with 50 million trie nodes fits in a 2 GB heap.
 */
public final class StackTable {
    /** The stack with no frames (e.g. "stack unavailable"). */
    public static final int EMPTY = -1;
    private static final int NONE = -1;

    private final FrameTable frames;
    private int[] parent = new int[256];
    private int[] frame = new int[256];
    private int size;
    private int[] slots = newSlots(512);

    public StackTable(FrameTable frames) {
        this.frames = frames;
    }

    public StackTable() {
        this(new FrameTable());
    }

    public FrameTable frames() {
        return frames;
    }

    /** The stack made of {@code callerStack} with {@code calleeFrame} called on top of it. */
    public int push(int callerStack, int calleeFrame) {
        int n = slots.length;
        int i = slot(callerStack, calleeFrame, n);
        while (slots[i] != NONE) {
            int s = slots[i];
            if (parent[s] == callerStack && frame[s] == calleeFrame) {
                return s;
            }
            if (++i == n) {
                i = 0;
            }
        }
        if (size == parent.length) {
            int grown = size + (size >> 1);
            parent = Arrays.copyOf(parent, grown);
            frame = Arrays.copyOf(frame, grown);
        }
        parent[size] = callerStack;
        frame[size] = calleeFrame;
        slots[i] = size;
        size++;
        if (size > n - (n >> 2)) {
            rehash();
        }
        return size - 1;
    }

    /**
     * Interns the stack whose frames are {@code leafFirst[0..count)}, innermost first, as a goroutine dump and
     * pprof list them.
     */
    public int internLeafFirst(int[] leafFirst, int count) {
        int s = EMPTY;
        for (int i = count - 1; i >= 0; i--) {
            s = push(s, leafFirst[i]);
        }
        return s;
    }

    /** Interns the stack whose frames are {@code rootFirst[0..count)}, outermost first. */
    public int internRootFirst(int[] rootFirst, int count) {
        int s = EMPTY;
        for (int i = 0; i < count; i++) {
            s = push(s, rootFirst[i]);
        }
        return s;
    }

    /**
     * A new table holding the same stacks under the same ids over a {@link FrameTable#copy() copy} of the frames,
     * so a derived view can intern more frames and stacks without changing this one.
     */
    public StackTable copy() {
        StackTable c = new StackTable(frames.copy());
        c.parent = parent.clone();
        c.frame = frame.clone();
        c.slots = slots.clone();
        c.size = size;
        return c;
    }

    /** The innermost frame of a non-empty stack. */
    public int frame(int stack) {
        return frame[check(stack)];
    }

    /** The caller's stack, {@link #EMPTY} for an outermost frame. */
    public int parent(int stack) {
        return parent[check(stack)];
    }

    /** Number of frames; 0 for {@link #EMPTY}. Walks the stack: O(depth). */
    public int depth(int stack) {
        int d = 0;
        for (int s = stack == EMPTY ? EMPTY : check(stack); s != EMPTY; s = parent[s]) {
            d++;
        }
        return d;
    }

    /** The frames of {@code stack}, outermost first. */
    public int[] framesRootFirst(int stack) {
        int[] out = new int[depth(stack)];
        for (int s = stack, i = out.length - 1; s != EMPTY; s = parent[s], i--) {
            out[i] = frame[s];
        }
        return out;
    }

    /** Writes the frames of {@code stack} outermost first into {@code out} (grown if needed); returns it. */
    public int[] framesRootFirst(int stack, int[] out) {
        int d = depth(stack);
        int[] buf = out.length >= d ? out : new int[Math.max(d, out.length * 2)];
        for (int s = stack, i = d - 1; s != EMPTY; s = parent[s], i--) {
            buf[i] = frame[s];
        }
        return buf;
    }

    /** Whether any frame of {@code stack} has the function named by {@code functionId}. */
    public boolean containsFunction(int stack, int functionId) {
        for (int s = stack; s != EMPTY; s = parent[s]) {
            if (frames.function(frame[s]) == functionId) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private int check(int stack) {
        if (stack < 0 || stack >= size) {
            throw new IndexOutOfBoundsException("stack " + stack + " of " + size);
        }
        return stack;
    }

    private void rehash() {
        int n = slots.length + (slots.length >> 1);
        slots = newSlots(n);
        for (int s = 0; s < size; s++) {
            int i = slot(parent[s], frame[s], n);
            while (slots[i] != NONE) {
                if (++i == n) {
                    i = 0;
                }
            }
            slots[i] = s;
        }
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, NONE);
        return s;
    }

    /** The first slot of (a, b) in a table of {@code n} slots: a mixed 32-bit hash scaled to [0, n). */
    private static int slot(int a, int b, int n) {
        int h = a * 0x9E3779B1 + b * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return (int) (((h & 0xFFFFFFFFL) * n) >>> 32);
    }
}
