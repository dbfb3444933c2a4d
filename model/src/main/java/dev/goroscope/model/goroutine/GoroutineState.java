package dev.goroscope.model.goroutine;

import java.util.Locale;

/**
 * The five states every view shows. A wait reason (such as {@code chan receive}) refines {@link #WAITING}.
 * Runtime mapping: {@code _Gidle}→IDLE, {@code _Grunnable}→RUNNABLE, {@code _Grunning}→RUNNING,
 * {@code _Gsyscall}→SYSCALL, {@code _Gwaiting}→WAITING.
 */
public enum GoroutineState {
    IDLE, RUNNABLE, RUNNING, SYSCALL, WAITING;

    private static final GoroutineState[] VALUES = values();

    /** Lower-case name as used in JSON and the UI: idle, runnable, running, syscall, waiting. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GoroutineState ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * The state a dump header's status word stands for. Basic statuses map to themselves; {@code copystack}
     * and {@code preempted} are transient forms of running/runnable; any other word is a wait reason.
     */
    public static GoroutineState ofDumpStatus(String status) {
        return switch (status) {
            case "idle" -> IDLE;
            case "runnable", "preempted" -> RUNNABLE;
            case "running", "copystack" -> RUNNING;
            case "syscall" -> SYSCALL;
            default -> WAITING;
        };
    }

    /** Whether a dump header's status word is a wait reason rather than a basic status. */
    public static boolean isWaitReason(String status) {
        return switch (status) {
            case "idle", "runnable", "preempted", "running", "copystack", "syscall", "waiting", "dead", "???" -> false;
            default -> true;
        };
    }
}
