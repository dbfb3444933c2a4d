package dev.goroscope.model.analysis;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.GoFunctionName;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;

/**
 * What the leak analyses need to know of every stack of one table, computed in one pass over the table (a
 * caller's stack always has a smaller id than its callees', so each stack is derived from its parent):
 * <ul>
 * <li>the <b>entry function</b>: the outermost frame that is not {@code runtime.goexit} or another runtime
 * internal, i.e. the function the goroutine was started with ({@code main.main} for goroutine 1);</li>
 * <li>the <b>leaf function</b>: the innermost frame Go's default traceback shows, i.e. skipping unexported
 * {@code runtime.*} frames such as {@code runtime.gopark}, so a debug=2 dump and a goroutine profile of the same
 * goroutine agree;</li>
 * <li>whether every frame is in the standard library ("stdlib only", pushed down by "my code first").</li>
 * </ul>
 * Stacks made only of runtime internals fall back to their outermost frame other than {@code runtime.goexit}
 * (entry) and their innermost frame (leaf). Ids are function-name ids of the table's {@link FrameTable#strings()}.
 */
public final class StackFacts {
    /** What the entry and leaf are called for a goroutine whose stack was not listed. */
    public static final String NO_STACK = "(no stack)";
    private static final int NONE = -1;

    private final StackTable stacks;
    private final int[] entry;
    private final int[] fallbackEntry;
    private final int[] leaf;
    private final boolean[] stdlibOnly;

    private StackFacts(StackTable stacks) {
        this.stacks = stacks;
        FrameTable frames = stacks.frames();
        StringTable strings = frames.strings();
        int n = stacks.size();
        entry = new int[n];
        fallbackEntry = new int[n];
        leaf = new int[n];
        stdlibOnly = new boolean[n];
        byte[] functionKind = new byte[strings.size()];
        for (int s = 0; s < n; s++) {
            int fn = frames.function(stacks.frame(s));
            int kind = functionKind[fn];
            if (kind == 0) {
                String name = strings.get(fn);
                kind = (isRuntimeInternal(name) ? 1 : 2) | (GoFunctionName.isStandardLibrary(name) ? 4 : 8);
                functionKind[fn] = (byte) kind;
            }
            boolean hidden = (kind & 1) != 0;
            boolean std = (kind & 4) != 0;
            int p = stacks.parent(s);
            if (p == StackTable.EMPTY) {
                entry[s] = hidden ? NONE : fn;
                fallbackEntry[s] = strings.get(fn).equals("runtime.goexit") ? NONE : fn;
                leaf[s] = hidden ? NONE : fn;
                stdlibOnly[s] = std;
            } else {
                entry[s] = entry[p] != NONE || hidden ? entry[p] : fn;
                fallbackEntry[s] = fallbackEntry[p] != NONE ? fallbackEntry[p] : fn;
                leaf[s] = hidden ? leaf[p] : fn;
                stdlibOnly[s] = std && stdlibOnly[p];
            }
        }
    }

    /** Computes the facts of every stack {@code stacks} holds now. */
    public static StackFacts of(StackTable stacks) {
        return new StackFacts(stacks);
    }

    public StackTable stacks() {
        return stacks;
    }

    /** Function-name id of the entry function, -1 for {@link StackTable#EMPTY}. */
    public int entryFunction(int stack) {
        if (stack == StackTable.EMPTY) {
            return NONE;
        }
        if (entry[stack] != NONE) {
            return entry[stack];
        }
        return fallbackEntry[stack] != NONE ? fallbackEntry[stack] : stacks.frames().function(stacks.frame(stack));
    }

    /** Function-name id of the innermost shown frame, -1 for {@link StackTable#EMPTY}. */
    public int leafFunction(int stack) {
        if (stack == StackTable.EMPTY) {
            return NONE;
        }
        return leaf[stack] != NONE ? leaf[stack] : stacks.frames().function(stacks.frame(stack));
    }

    /** Whether every frame belongs to the Go runtime or standard library; false for the empty stack. */
    public boolean stdlibOnly(int stack) {
        return stack != StackTable.EMPTY && stdlibOnly[stack];
    }

    /** The entry function's name, or "(no stack)". */
    public String entryName(int stack) {
        int f = entryFunction(stack);
        return f < 0 ? NO_STACK : stacks.frames().strings().get(f);
    }

    /** The leaf function's name, or "(no stack)". */
    public String leafName(int stack) {
        int f = leafFunction(stack);
        return f < 0 ? NO_STACK : stacks.frames().strings().get(f);
    }

    /**
     * Whether Go's default traceback hides the function: {@code runtime.} functions that are not exported
     * ({@code runtime.gopark}, {@code runtime.goexit}, {@code runtime.main}), as runtime/traceback.go's showframe.
     */
    public static boolean isRuntimeInternal(String function) {
        if (!function.startsWith("runtime.")) {
            return false;
        }
        return function.length() == 8 || !Character.isUpperCase(function.charAt(8));
    }
}
