package dev.goroscope.importers.schedtrace;

import java.nio.charset.StandardCharsets;

/**
 * Walks the {@code key=value} tokens and bracket groups of one schedtrace line in place, as FORMATS.md §4 describes
 * them: {@code gomaxprocs=8 … runqueue=0 [0 1 0]} or, since Go 1.25, {@code [ 0 1 ] schedticks=[ 5 9 ]}. Values are
 * numbers, {@code true}/{@code false} (1/0) or {@code nil} (-1); {@code -1} itself is how Go before 1.20 wrote
 * "none". Nothing is allocated.
 */
final class SchedFields {
    enum Token { FIELD, GROUP, END, BAD }

    private byte[] b;
    private int pos;
    private int end;
    int keyStart;
    int keyEnd;
    long value;
    /** Sum of the numbers of the last bracket group (unkeyed, or the value of a keyed one). */
    long groupSum;
    boolean keyedGroup;
    /** What went wrong on {@link Token#BAD}. */
    String problem;

    void reset(byte[] line, int from, int to) {
        b = line;
        pos = from;
        end = to;
    }

    Token next() {
        while (pos < end && b[pos] == ' ') {
            pos++;
        }
        if (pos == end) {
            return Token.END;
        }
        if (b[pos] == '[') {
            keyedGroup = false;
            return group();
        }
        keyStart = pos;
        while (pos < end && b[pos] != '=' && b[pos] != ' ') {
            pos++;
        }
        keyEnd = pos;
        if (pos == end || b[pos] != '=') {
            return bad("expected key=value at \"" + text(keyStart, keyEnd) + "\"");
        }
        pos++;
        if (pos < end && b[pos] == '[') {
            keyedGroup = true;
            return group();
        }
        int v = pos;
        while (pos < end && b[pos] != ' ') {
            pos++;
        }
        return parseValue(v, pos) ? Token.FIELD : bad("bad value \"" + text(v, pos) + "\" for "
                + text(keyStart, keyEnd) + "=");
    }

    boolean keyIs(byte[] key) {
        int n = keyEnd - keyStart;
        if (n != key.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[keyStart + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private Token group() {
        pos++;
        groupSum = 0;
        while (true) {
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
            if (pos == end) {
                return bad("a [...] list is not closed");
            }
            if (b[pos] == ']') {
                pos++;
                return Token.GROUP;
            }
            int v = pos;
            while (pos < end && b[pos] != ' ' && b[pos] != ']') {
                pos++;
            }
            if (!parseValue(v, pos)) {
                return bad("bad number \"" + text(v, pos) + "\" in a [...] list");
            }
            groupSum += value;
        }
    }

    private boolean parseValue(int from, int to) {
        if (to - from == 4 && b[from] == 't' && b[from + 1] == 'r' && b[from + 2] == 'u' && b[from + 3] == 'e') {
            value = 1;
            return true;
        }
        if (to - from == 5 && b[from] == 'f' && b[from + 1] == 'a' && b[from + 2] == 'l' && b[from + 3] == 's'
                && b[from + 4] == 'e') {
            value = 0;
            return true;
        }
        if (to - from == 3 && b[from] == 'n' && b[from + 1] == 'i' && b[from + 2] == 'l') {
            value = -1;
            return true;
        }
        return parseLong(from, to);
    }

    /** Parses {@code [-]digits} in {@code line[from..to)} into {@link #value}. */
    boolean parseLongAt(byte[] line, int from, int to) {
        b = line;
        return parseLong(from, to);
    }

    private boolean parseLong(int from, int to) {
        boolean negative = from < to && b[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 18) {
            return false;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        value = negative ? -v : v;
        return true;
    }

    private Token bad(String why) {
        problem = why;
        return Token.BAD;
    }

    String text(int from, int to) {
        return new String(b, from, Math.min(to - from, 40), StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
