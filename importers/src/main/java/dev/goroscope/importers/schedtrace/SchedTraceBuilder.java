package dev.goroscope.importers.schedtrace;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.series.GoroutineCounts;
import dev.goroscope.model.series.SchedTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the ticks of a schedtrace log into the columns of a {@link SchedTrace}. */
final class SchedTraceBuilder {
    static final int TIME = 0;
    static final int GOMAXPROCS = 1;
    static final int IDLE_PROCS = 2;
    static final int THREADS = 3;
    static final int SPINNING = 4;
    static final int NEED_SPINNING = 5;
    static final int IDLE_THREADS = 6;
    static final int RUN_QUEUE = 7;
    static final int LOCAL_RUN_QUEUES = 8;
    static final int COLUMNS = 9;
    /** {@link #countGoroutine} state for a dead goroutine. */
    static final int DEAD = -1;

    private static final int STATES = GoroutineState.values().length;

    private long[][] columns = new long[COLUMNS][64];
    private int ticks;
    private boolean detailed;
    private int[][] byState = new int[STATES][64];
    private int[] dead = new int[64];
    private final List<String> reasons = new ArrayList<>();
    private final List<int[]> byReason = new ArrayList<>();

    int ticks() {
        return ticks;
    }

    /** Starts a tick with {@code values[column]} (-1 where the line lacked a field). */
    void addTick(long[] values, boolean withDetail) {
        if (ticks == columns[0].length) {
            int n = ticks * 2;
            for (int c = 0; c < COLUMNS; c++) {
                columns[c] = Arrays.copyOf(columns[c], n);
            }
            for (int s = 0; s < STATES; s++) {
                byState[s] = Arrays.copyOf(byState[s], n);
            }
            dead = Arrays.copyOf(dead, n);
            byReason.replaceAll(row -> Arrays.copyOf(row, n));
        }
        for (int c = 0; c < COLUMNS; c++) {
            columns[c][ticks] = values[c];
        }
        detailed |= withDetail;
        ticks++;
    }

    /** Adds a P line's run queue length to the current tick. */
    void addLocalRunQueue(long n) {
        long[] local = columns[LOCAL_RUN_QUEUES];
        local[ticks - 1] = Math.max(local[ticks - 1], 0) + n;
    }

    /**
     * Counts one G line in the current tick: {@code state} is a {@link GoroutineState} ordinal or {@link #DEAD};
     * {@code reason} is an index from {@link #reason(String)} for a waiting goroutine, else -1.
     */
    void countGoroutine(int state, int reason) {
        int t = ticks - 1;
        if (state == DEAD) {
            dead[t]++;
            return;
        }
        byState[state][t]++;
        if (reason >= 0) {
            byReason.get(reason)[t]++;
        }
    }

    /** The index of a wait reason, added on first sight. */
    int reason(String text) {
        int i = reasons.size();
        reasons.add(text);
        byReason.add(new int[columns[0].length]);
        return i;
    }

    SchedTrace build() {
        long[][] c = new long[COLUMNS][];
        for (int i = 0; i < COLUMNS; i++) {
            c[i] = Arrays.copyOf(columns[i], ticks);
        }
        GoroutineCounts goroutines = null;
        if (detailed) {
            int[][] states = new int[STATES][];
            for (int s = 0; s < STATES; s++) {
                states[s] = Arrays.copyOf(byState[s], ticks);
            }
            int[][] waiting = new int[reasons.size()][];
            for (int r = 0; r < waiting.length; r++) {
                waiting[r] = Arrays.copyOf(byReason.get(r), ticks);
            }
            goroutines = new GoroutineCounts(states, reasons, waiting, Arrays.copyOf(dead, ticks));
        }
        return new SchedTrace(c[TIME], c[GOMAXPROCS], c[IDLE_PROCS], c[THREADS], c[SPINNING], c[NEED_SPINNING],
                c[IDLE_THREADS], c[RUN_QUEUE], c[LOCAL_RUN_QUEUES], goroutines);
    }
}
