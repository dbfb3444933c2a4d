package dev.goroscope.importers.chrometrace;

import java.util.Arrays;

/**
 * The duration events of one thread (one pid and tid) in file order, as primitive columns: begin ({@code B}),
 * end ({@code E}) and complete ({@code X}, which knows its end) events with times in nanoseconds and interned names.
 */
final class ThreadEvents {
    static final byte BEGIN = 'B';
    static final byte END = 'E';
    static final byte COMPLETE = 'X';
    /** Name id of an {@code E} event without a name: it closes whatever is open. */
    static final int ANY_NAME = -1;

    final int pidId;
    final int tidId;
    final String pid;
    final String tid;
    byte[] phase = new byte[64];
    long[] time = new long[64];
    long[] endTime = new long[64];
    int[] name = new int[64];
    int size;
    /** The latest moment any event of the thread mentions: where frames left open are closed. */
    long lastTime = Long.MIN_VALUE;

    ThreadEvents(int pidId, int tidId, String pid, String tid) {
        this.pidId = pidId;
        this.tidId = tidId;
        this.pid = pid;
        this.tid = tid;
    }

    void add(byte ph, long ts, long end, int nameId) {
        if (size == phase.length) {
            int n = size * 2;
            phase = Arrays.copyOf(phase, n);
            time = Arrays.copyOf(time, n);
            endTime = Arrays.copyOf(endTime, n);
            name = Arrays.copyOf(name, n);
        }
        phase[size] = ph;
        time[size] = ts;
        endTime[size] = end;
        name[size] = nameId;
        size++;
        lastTime = Math.max(lastTime, Math.max(ts, end));
    }
}
