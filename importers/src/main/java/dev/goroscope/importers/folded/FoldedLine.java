package dev.goroscope.importers.folded;

import java.util.Arrays;

/**
 * Splits one line of folded stacks, {@code root;caller;leaf 42} or the differential {@code root;leaf 10 12}, in
 * place. After {@link #parse} returns {@link Kind#STACK} the stack is {@code line[stackStart..stackEnd)} and the
 * counts are in {@link #whole}/{@link #thousandths}; {@link #frames} then walks its frames. Nothing is allocated.
 *
 * <p>Rules, following flamegraph.pl where it is sensible:
 * <ul>
 * <li>The count is the last blank-separated token: digits with an optional fraction ({@code 12}, {@code 2.5}).
 * Three decimals are kept; the fourth rounds. Blanks at the end of the stack are trimmed, but a last frame that is
 * only a blank (perf's missing symbol, {@code …;write0_[j];  3}) is kept.</li>
 * <li>In a differential file (decided by its first stack line) the two last tokens are counts, before then
 * after, as difffolded.pl writes them.</li>
 * <li>Frames are separated by {@code ;}. A {@code ;} inside balanced brackets or parentheses, as in a Rust
 * {@code <[u8; 4] as Debug>::fmt}, stays in its frame; if a line's brackets do not balance, every {@code ;}
 * separates. Empty frames are dropped.</li>
 * <li>The annotation suffixes {@code _[k]} (kernel), {@code _[j]} (JIT), {@code _[i]} (inlined) and {@code _[w]}
 * (waker) only pick flamegraph.pl's colours; they are cut off, leaving the plain function name.</li>
 * <li>Blank lines and lines starting with {@code #} are comments; anything else that does not end in a count is
 * {@link Kind#INVALID}.</li>
 * </ul>
 */
final class FoldedLine {
    enum Kind { BLANK, COMMENT, STACK, INVALID, TOO_LARGE }

    /** Count columns: {@code whole[0]} + {@code thousandths[0]}/1000 (before, for a differential line). */
    final long[] whole = new long[2];
    final int[] thousandths = new int[2];
    int stackStart;
    int stackEnd;

    private byte[] line;
    private int[] cuts = new int[64];
    private int cutCount;

    /** Parses {@code b[start..end)} expecting {@code columns} counts (1, or 2 for a differential file). */
    Kind parse(byte[] b, int start, int end, int columns) {
        line = b;
        int e = trimEnd(b, start, end);
        int s = start;
        while (s < e && isBlank(b[s])) {
            s++;
        }
        if (s == e) {
            return Kind.BLANK;
        }
        if (b[s] == '#') {
            return Kind.COMMENT;
        }
        int t = e;
        for (int c = columns - 1; c >= 0; c--) {
            t = trimEnd(b, s, t);
            int to = t;
            while (t > s && !isBlank(b[t - 1])) {
                t--;
            }
            if (t == s) {
                return Kind.INVALID;
            }
            Kind k = count(b, t, to, c);
            if (k != Kind.STACK) {
                return k;
            }
        }
        stackStart = s;
        stackEnd = stackEnd(b, s, t - 1);
        return Kind.STACK;
    }

    /** Whether the last token of the stack part of a parsed one-count line is also a count (a differential line). */
    boolean stackEndsInCount() {
        int t = stackEnd;
        while (t > stackStart && !isBlank(line[t - 1])) {
            t--;
        }
        return t > stackStart && isNumber(line, t, stackEnd);
    }

    /**
     * Cuts the parsed stack into frames; afterwards frame {@code i} of {@link #frameCount()} is
     * {@code [frameStart(i) .. frameEnd(i))}, annotation suffix removed, empty frames left out.
     */
    void frames() {
        cutCount = 0;
        if (!cut(true)) {
            cutCount = 0;
            cut(false);
        }
    }

    int frameCount() {
        return cutCount / 2;
    }

    int frameStart(int i) {
        return cuts[2 * i];
    }

    int frameEnd(int i) {
        return cuts[2 * i + 1];
    }

    /** Records frame boundaries; with {@code nested}, false if the brackets did not balance. */
    private boolean cut(boolean nested) {
        int depth = 0;
        int from = stackStart;
        for (int i = stackStart; i < stackEnd; i++) {
            byte c = line[i];
            if (nested && (c == '[' || c == '(')) {
                depth++;
            } else if (nested && (c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ';' && depth == 0) {
                addFrame(from, i);
                from = i + 1;
            }
        }
        addFrame(from, stackEnd);
        return depth == 0;
    }

    private void addFrame(int from, int to) {
        if (to - from > 4 && line[to - 4] == '_' && line[to - 3] == '[' && line[to - 1] == ']') {
            byte a = line[to - 2];
            if (a == 'k' || a == 'j' || a == 'i' || a == 'w') {
                to -= 4;
            }
        }
        if (to == from) {
            return;
        }
        if (cutCount + 2 > cuts.length) {
            cuts = Arrays.copyOf(cuts, cuts.length * 2);
        }
        cuts[cutCount++] = from;
        cuts[cutCount++] = to;
    }

    private Kind count(byte[] b, int from, int to, int column) {
        long w = 0;
        int i = from;
        for (; i < to && b[i] != '.'; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Kind.INVALID;
            }
            if (w > (Long.MAX_VALUE - d) / 10) {
                return Kind.TOO_LARGE;
            }
            w = w * 10 + d;
        }
        if (i == from) {
            return Kind.INVALID;
        }
        int milli = 0;
        int scale = 100;
        int round = 0;
        for (i++; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Kind.INVALID;
            }
            if (scale > 0) {
                milli += d * scale;
                scale /= 10;
            } else if (scale == 0) {
                round = d >= 5 ? 1 : 0;
                scale = -1;
            }
        }
        milli += round;
        if (milli == 1000) {
            if (w == Long.MAX_VALUE) {
                return Kind.TOO_LARGE;
            }
            w++;
            milli = 0;
        }
        whole[column] = w;
        thousandths[column] = milli;
        return Kind.STACK;
    }

    private static boolean isNumber(byte[] b, int from, int to) {
        int dots = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '.' && i > from && dots++ == 0) {
                continue;
            }
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return to > from;
    }

    /**
     * Where the stack before the count separator at {@code end} ends: trailing blanks are trimmed, except that a
     * last frame made only of blanks stays (perf names a missing symbol {@code " "}, as in {@code …;write0_[j];  3}).
     */
    private static int stackEnd(byte[] b, int start, int end) {
        int k = trimEnd(b, start, end);
        return k < end && k > start && b[k - 1] == ';' ? end : k;
    }

    private static int trimEnd(byte[] b, int start, int end) {
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        return end;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }
}
