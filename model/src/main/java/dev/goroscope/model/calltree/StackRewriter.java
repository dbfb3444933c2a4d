package dev.goroscope.model.calltree;

import dev.goroscope.model.stack.StringTable;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a list of {@link StackTransform}s to one stack at a time, held as parallel arrays of function ids and
 * frame ids, outermost first. Match tables are computed once, so rewriting a stack costs O(depth) per transform.
 * One rewriter serves one tree build at a time (it keeps scratch state between calls).
 */
final class StackRewriter {
    private final StackTransform.Kind[] kinds;
    private final boolean[][] matches;
    /** For merging recursion: where each function id sits in the stack being rewritten, or -1. */
    private final int[] depthOf;

    StackRewriter(List<StackTransform> transforms, StringTable names) {
        kinds = new StackTransform.Kind[transforms.size()];
        matches = new boolean[transforms.size()][];
        for (int i = 0; i < kinds.length; i++) {
            StackTransform t = transforms.get(i);
            kinds[i] = t.kind();
            matches[i] = t.matcher() == null ? null : t.matcher().matchTable(names);
        }
        depthOf = transforms.stream().anyMatch(t -> t.kind() == StackTransform.Kind.MERGE_RECURSION)
                ? new int[names.size()] : null;
        if (depthOf != null) {
            Arrays.fill(depthOf, -1);
        }
    }

    /** Rewrites {@code fn/fr[0..len)} in place; returns the new length, or -1 when the stack is dropped. */
    int apply(int[] fn, int[] fr, int len) {
        int n = len;
        for (int t = 0; t < kinds.length && n >= 0; t++) {
            boolean[] m = matches[t];
            n = switch (kinds[t]) {
                case FOCUS -> focus(fn, fr, n, m);
                case ISOLATE -> indexOf(fn, n, m) < 0 ? -1 : n;
                case HIDE -> hide(fn, fr, n, m);
                case DROP -> indexOf(fn, n, m) < 0 ? n : -1;
                case INVERT -> invert(fn, fr, n);
                case MERGE_RECURSION -> mergeRecursion(fn, fr, n);
            };
        }
        return n;
    }

    private static int indexOf(int[] fn, int n, boolean[] m) {
        for (int i = 0; i < n; i++) {
            if (matches(m, fn[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(boolean[] m, int function) {
        return function < m.length && m[function];
    }

    private static int focus(int[] fn, int[] fr, int n, boolean[] m) {
        int k = indexOf(fn, n, m);
        if (k < 0) {
            return -1;
        }
        System.arraycopy(fn, k, fn, 0, n - k);
        System.arraycopy(fr, k, fr, 0, n - k);
        return n - k;
    }

    private static int hide(int[] fn, int[] fr, int n, boolean[] m) {
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (!matches(m, fn[i])) {
                fn[w] = fn[i];
                fr[w++] = fr[i];
            }
        }
        return w;
    }

    private static int invert(int[] fn, int[] fr, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int a = fn[i];
            fn[i] = fn[j];
            fn[j] = a;
            int b = fr[i];
            fr[i] = fr[j];
            fr[j] = b;
        }
        return n;
    }

    /**
     * Root first: a function met again cuts the stack back to its first frame, so direct recursion (a;a;a) and
     * indirect recursion (value;object;value;object) both fold into the outermost call, and what the innermost
     * call does hangs below it. Each frame is kept and cut at most once, so this is O(depth).
     */
    private int mergeRecursion(int[] fn, int[] fr, int n) {
        int w = 0;
        for (int i = 0; i < n; i++) {
            int seen = depthOf[fn[i]];
            if (seen >= 0) {
                while (w > seen + 1) {
                    depthOf[fn[--w]] = -1;
                }
            } else {
                depthOf[fn[i]] = w;
                fn[w] = fn[i];
                fr[w++] = fr[i];
            }
        }
        for (int i = 0; i < w; i++) {
            depthOf[fn[i]] = -1;
        }
        return w;
    }
}
