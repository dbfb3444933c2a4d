package dev.goroscope.model.series;

/**
 * A {@code GODEBUG=schedtrace=X} log as columns: row {@code i} is the i-th {@code SCHED} line (a "tick"). Every
 * column has one entry per tick; a field the runtime did not print (e.g. {@code needspinning} before Go 1.20) is
 * -1. Arrays are owned by the record and never changed after construction.
 *
 * @param timeMs          milliseconds since the first schedtrace line, as printed ({@code SCHED 1004ms})
 * @param gomaxprocs      {@code gomaxprocs=}
 * @param idleProcs       {@code idleprocs=}: Ps with nothing to run
 * @param threads         {@code threads=}: Ms in existence
 * @param spinningThreads {@code spinningthreads=}: Ms looking for work
 * @param needSpinning    {@code needspinning=} (Go 1.20+), else -1
 * @param idleThreads     {@code idlethreads=}
 * @param globalRunQueue  {@code runqueue=}: goroutines in the global run queue
 * @param localRunQueues  goroutines in all Ps' local run queues: the sum of the bracketed list, or with
 *                        scheddetail the sum of the P lines' {@code runqsize=}
 * @param goroutines      the G lines counted by state per tick with {@code scheddetail=1}, else null
 */
public record SchedTrace(long[] timeMs, long[] gomaxprocs, long[] idleProcs, long[] threads, long[] spinningThreads,
        long[] needSpinning, long[] idleThreads, long[] globalRunQueue, long[] localRunQueues,
        GoroutineCounts goroutines) {
    public SchedTrace {
        int n = timeMs.length;
        for (long[] c : new long[][] {gomaxprocs, idleProcs, threads, spinningThreads, needSpinning, idleThreads,
                globalRunQueue, localRunQueues}) {
            if (c.length != n) {
                throw new IllegalArgumentException("column of " + c.length + " rows for " + n + " ticks");
            }
        }
        if (goroutines != null && goroutines.ticks() != n) {
            throw new IllegalArgumentException("goroutine counts for " + goroutines.ticks() + " of " + n + " ticks");
        }
    }

    /** Number of SCHED lines. */
    public int ticks() {
        return timeMs.length;
    }

    /** Whether the log came with {@code scheddetail=1}, so per-goroutine counts exist. */
    public boolean detailed() {
        return goroutines != null;
    }

    /** Goroutines waiting to run at tick {@code i}: global plus local run queues. */
    public long runnable(int i) {
        return globalRunQueue[i] + localRunQueues[i];
    }
}
