package dev.goroscope.importers.chrometrace;

import java.util.Arrays;

/**
 * Turns a thread's B/E/X events into nested spans, repairing what real traces get wrong the way speedscope's
 * importer does (its trace-event samples are the tests):
 * <ol>
 * <li>Begin and end events are paired first, in time order (file order within a timestamp). An {@code E} closes
 * the innermost open span when its name matches (or it has none); at one timestamp the ends are matched in
 * whatever order closes the innermost spans first, and ends are tried again after the begins of that timestamp
 * (zero-length spans). An {@code E} that matches nothing open is ignored; spans still open at the end are closed
 * at the thread's last timestamp.</li>
 * <li>Then paired spans and complete ({@code X}) events are nested by start, the longer first at equal starts,
 * a begin/end span outside an {@code X} of the same extent. A span that starts inside another but ends after it
 * stretches the enclosing spans to its end.</li>
 * </ol>
 * Each repair is counted for the import warnings.
 */
final class SpanNesting {
    private static final int MAX_PASSES = 16;

    long unmatchedEnds;
    long unclosedBegins;
    long overlaps;

    private long[] start;
    private long[] end;
    private int[] name;
    private byte[] kind;
    private int[] order;
    private int count;
    private int[] open = new int[64];
    private int openCount;

    ThreadSpans nest(ThreadEvents ev) {
        int capacity = ev.size;
        start = new long[capacity];
        end = new long[capacity];
        name = new int[capacity];
        kind = new byte[capacity];
        order = new int[capacity];
        count = 0;
        pairBeginsAndEnds(ev);
        for (int i = 0; i < ev.size; i++) {
            if (ev.phase[i] == ThreadEvents.COMPLETE) {
                add(ev.time[i], ev.endTime[i], ev.name[i], (byte) 1, i);
            }
        }
        return nestSpans();
    }

    private void pairBeginsAndEnds(ThreadEvents ev) {
        int[] be = new int[ev.size];
        int m = 0;
        for (int i = 0; i < ev.size; i++) {
            if (ev.phase[i] != ThreadEvents.COMPLETE) {
                be[m++] = i;
            }
        }
        long[] time = ev.time;
        IndexSort.sort(be, m, (a, b) -> Long.compare(time[a], time[b]));
        openCount = 0;
        for (int j = 0; j < m; ) {
            long t = time[be[j]];
            int k = j;
            while (k < m && time[be[k]] == t) {
                k++;
            }
            closeMatching(ev, be, j, k, t);
            for (int q = j; q < k; q++) {
                int i = be[q];
                if (i >= 0 && ev.phase[i] == ThreadEvents.BEGIN) {
                    if (openCount == open.length) {
                        open = Arrays.copyOf(open, openCount * 2);
                    }
                    open[openCount++] = count;
                    add(t, t, ev.name[i], (byte) 0, i);
                    be[q] = -1;
                }
            }
            closeMatching(ev, be, j, k, t);
            for (int q = j; q < k; q++) {
                if (be[q] >= 0) {
                    unmatchedEnds++;
                }
            }
            j = k;
        }
        while (openCount > 0) {
            end[open[--openCount]] = ev.lastTime;
            unclosedBegins++;
        }
    }

    /** Closes open spans with the unused {@code E} events of {@code be[from..to)} while one matches the innermost. */
    private void closeMatching(ThreadEvents ev, int[] be, int from, int to, long t) {
        boolean progress = true;
        for (int pass = 0; progress && pass < MAX_PASSES; pass++) {
            progress = false;
            for (int q = from; q < to && openCount > 0; q++) {
                int i = be[q];
                if (i >= 0 && ev.phase[i] == ThreadEvents.END) {
                    int top = open[openCount - 1];
                    if (ev.name[i] == ThreadEvents.ANY_NAME || ev.name[i] == name[top]) {
                        end[top] = t;
                        openCount--;
                        be[q] = -1;
                        progress = true;
                    }
                }
            }
        }
    }

    private void add(long s, long e, int n, byte k, int fileOrder) {
        start[count] = s;
        end[count] = e;
        name[count] = n;
        kind[count] = k;
        order[count] = fileOrder;
        count++;
    }

    private ThreadSpans nestSpans() {
        int n = count;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, n, (a, b) -> {
            int c = Long.compare(start[a], start[b]);
            if (c == 0) {
                c = Long.compare(end[b], end[a]);
            }
            if (c == 0) {
                c = Byte.compare(kind[a], kind[b]);
            }
            return c != 0 ? c : Integer.compare(order[a], order[b]);
        });
        long[] s = new long[n];
        long[] e = new long[n];
        int[] nm = new int[n];
        for (int r = 0; r < n; r++) {
            s[r] = start[idx[r]];
            e[r] = end[idx[r]];
            nm[r] = name[idx[r]];
        }
        int[] parent = new int[n];
        int[] stack = new int[64];
        int sp = 0;
        for (int r = 0; r < n; r++) {
            while (sp > 0 && e[stack[sp - 1]] <= s[r]) {
                sp--;
            }
            if (sp > 0 && e[r] > e[stack[sp - 1]]) {
                overlaps++;
                for (int k = sp - 1; k >= 0 && e[stack[k]] < e[r]; k--) {
                    e[stack[k]] = e[r];
                }
            }
            parent[r] = sp > 0 ? stack[sp - 1] : -1;
            if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
            }
            stack[sp++] = r;
        }
        start = null;
        end = null;
        name = null;
        kind = null;
        order = null;
        return new ThreadSpans(n, s, e, nm, parent);
    }
}
