package dev.goroscope.model.timeline;

import java.util.Locale;

/**
 * Why a goroutine was off CPU, coarsely: the classes an off-CPU flame graph is split by. Derived from the wait
 * reason text (trace reasons such as {@code chan receive}, {@code select}, {@code sync}, {@code network},
 * {@code sleep}, and goroutine-dump reasons such as {@code IO wait}, {@code semacquire}, {@code sync.Mutex.Lock}),
 * or SYSCALL for time spent in a system call.
 */
public enum BlockClass {
    CHAN, SELECT, SYNC, IO, SYSCALL, SLEEP, OTHER;

    /** Lower-case name for JSON and the UI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of a waiting goroutine's reason text. */
    public static BlockClass ofWaitReason(String reason) {
        if (reason.startsWith("chan ")) {
            return CHAN;
        }
        if (reason.startsWith("select")) {
            return SELECT;
        }
        if (reason.startsWith("sync") && !reason.startsWith("synctest") || reason.startsWith("semacquire")) {
            return SYNC;
        }
        if (reason.equals("network") || reason.equals("IO wait")) {
            return IO;
        }
        if (reason.equals("sleep")) {
            return SLEEP;
        }
        return OTHER;
    }
}
