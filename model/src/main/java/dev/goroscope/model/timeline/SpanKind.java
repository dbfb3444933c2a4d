package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StringTable;

/**
 * What a timeline interval is drawn as: one of the five states, with waiting split by reason into chan, select,
 * sync, IO, sleep, GC and other. Small ints, so a lane's kinds fit a {@code byte[]} and per-kind sums a
 * {@code long[COUNT]}.
 */
public final class SpanKind {
    public static final int IDLE = 0;
    public static final int RUNNABLE = 1;
    public static final int RUNNING = 2;
    public static final int SYSCALL = 3;
    public static final int CHAN = 4;
    public static final int SELECT = 5;
    public static final int SYNC = 6;
    public static final int IO = 7;
    public static final int SLEEP = 8;
    public static final int GC = 9;
    public static final int WAITING = 10;
    public static final int COUNT = 11;

    private static final String[] LABELS = {"idle", "runnable", "running", "syscall", "waiting: chan",
        "waiting: select", "waiting: sync", "waiting: IO", "waiting: sleep", "waiting: GC", "waiting: other"};

    private SpanKind() {
    }

    public static String label(int kind) {
        return LABELS[kind];
    }

    /** The kind of a waiting goroutine's reason text. */
    public static int ofWaitReason(String reason) {
        if (reason.startsWith("GC") || reason.contains(" GC") || reason.startsWith("garbage collection")) {
            return GC;
        }
        return switch (BlockClass.ofWaitReason(reason)) {
            case CHAN -> CHAN;
            case SELECT -> SELECT;
            case SYNC -> SYNC;
            case IO -> IO;
            case SLEEP -> SLEEP;
            default -> WAITING;
        };
    }

    /** The kind of a state without a reason (P and M lanes, or an unknown reason). */
    public static int ofState(int stateOrdinal) {
        return switch (GoroutineState.ofOrdinal(stateOrdinal)) {
            case IDLE -> IDLE;
            case RUNNABLE -> RUNNABLE;
            case RUNNING -> RUNNING;
            case SYSCALL -> SYSCALL;
            case WAITING -> WAITING;
        };
    }

    /** The kind of every interval of a goroutine lane, given {@link #reasonKinds} of the timeline's strings. */
    public static byte[] ofGoroutineLane(StateLane lane, byte[] reasonKinds) {
        byte[] out = new byte[lane.size()];
        int waiting = GoroutineState.WAITING.ordinal();
        StateLane.Cursor c = lane.cursor(0);
        for (int i = 0; i < out.length && c.next(); i++) {
            int s = c.stateOrdinal();
            int r = c.detail();
            out[i] = (byte) (s == waiting && r >= 0 && r < reasonKinds.length ? reasonKinds[r] : ofState(s));
        }
        return out;
    }

    /** The wait kind of every string in {@code strings}, for {@link #ofGoroutineLane}. */
    public static byte[] reasonKinds(StringTable strings) {
        byte[] out = new byte[strings.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ofWaitReason(strings.get(i));
        }
        return out;
    }

    /** The kind of every interval of a P or M lane (detail is a goroutine there, not a reason). */
    public static byte[] ofSchedulerLane(StateLane lane) {
        byte[] out = new byte[lane.size()];
        StateLane.Cursor c = lane.cursor(0);
        for (int i = 0; i < out.length && c.next(); i++) {
            out[i] = (byte) ofState(c.stateOrdinal());
        }
        return out;
    }
}
