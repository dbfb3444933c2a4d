package dev.goroscope.importers.trace.v1;

/**
 * The v1 event table (Go 1.5–1.21): names, the first format version that has each type, whether its last argument
 * is a stack id, and how many arguments follow the timestamp in the newest form (FORMATS.md §3.1).
 */
final class V1Events {
    static final int BATCH = 1;
    static final int FREQUENCY = 2;
    static final int STACK = 3;
    static final int GOMAXPROCS = 4;
    static final int PROC_START = 5;
    static final int PROC_STOP = 6;
    static final int GC_START = 7;
    static final int GC_DONE = 8;
    static final int STW_START = 9;
    static final int STW_DONE = 10;
    static final int GC_SWEEP_START = 11;
    static final int GC_SWEEP_DONE = 12;
    static final int GO_CREATE = 13;
    static final int GO_START = 14;
    static final int GO_END = 15;
    static final int GO_STOP = 16;
    static final int GO_SCHED = 17;
    static final int GO_PREEMPT = 18;
    static final int GO_SLEEP = 19;
    static final int GO_BLOCK = 20;
    static final int GO_UNBLOCK = 21;
    static final int GO_BLOCK_SEND = 22;
    static final int GO_BLOCK_RECV = 23;
    static final int GO_BLOCK_SELECT = 24;
    static final int GO_BLOCK_SYNC = 25;
    static final int GO_BLOCK_COND = 26;
    static final int GO_BLOCK_NET = 27;
    static final int GO_SYSCALL = 28;
    static final int GO_SYS_EXIT = 29;
    static final int GO_SYS_BLOCK = 30;
    static final int GO_WAITING = 31;
    static final int GO_IN_SYSCALL = 32;
    static final int HEAP_ALLOC = 33;
    static final int NEXT_GC = 34;
    static final int TIMER_GOROUTINE = 35;
    static final int FUTILE_WAKEUP = 36;
    static final int STRING = 37;
    static final int GO_START_LOCAL = 38;
    static final int GO_UNBLOCK_LOCAL = 39;
    static final int GO_SYS_EXIT_LOCAL = 40;
    static final int GO_START_LABEL = 41;
    static final int GO_BLOCK_GC = 42;
    static final int GC_MARK_ASSIST_START = 43;
    static final int GC_MARK_ASSIST_DONE = 44;
    static final int USER_TASK_CREATE = 45;
    static final int USER_TASK_END = 46;
    static final int USER_REGION = 47;
    static final int USER_LOG = 48;
    static final int CPU_SAMPLE = 49;
    static final int COUNT = 50;

    private static final String[] NAMES = new String[COUNT];
    private static final int[] SINCE = new int[COUNT];
    private static final boolean[] HAS_STACK = new boolean[COUNT];
    private static final int[] ARGS = new int[COUNT];

    static {
        d(BATCH, "Batch", 5, false, 2);
        d(FREQUENCY, "Frequency", 5, false, 1);
        d(STACK, "Stack", 5, false, 0);
        d(GOMAXPROCS, "Gomaxprocs", 5, true, 1);
        d(PROC_START, "ProcStart", 5, false, 1);
        d(PROC_STOP, "ProcStop", 5, false, 0);
        d(GC_START, "GCStart", 5, true, 1);
        d(GC_DONE, "GCDone", 5, false, 0);
        d(STW_START, "STWStart", 5, false, 1);
        d(STW_DONE, "STWDone", 5, false, 0);
        d(GC_SWEEP_START, "GCSweepStart", 5, true, 0);
        d(GC_SWEEP_DONE, "GCSweepDone", 5, false, 2);
        d(GO_CREATE, "GoCreate", 5, true, 2);
        d(GO_START, "GoStart", 5, false, 2);
        d(GO_END, "GoEnd", 5, false, 0);
        d(GO_STOP, "GoStop", 5, true, 0);
        d(GO_SCHED, "GoSched", 5, true, 0);
        d(GO_PREEMPT, "GoPreempt", 5, true, 0);
        d(GO_SLEEP, "GoSleep", 5, true, 0);
        d(GO_BLOCK, "GoBlock", 5, true, 0);
        d(GO_UNBLOCK, "GoUnblock", 5, true, 2);
        d(GO_BLOCK_SEND, "GoBlockSend", 5, true, 0);
        d(GO_BLOCK_RECV, "GoBlockRecv", 5, true, 0);
        d(GO_BLOCK_SELECT, "GoBlockSelect", 5, true, 0);
        d(GO_BLOCK_SYNC, "GoBlockSync", 5, true, 0);
        d(GO_BLOCK_COND, "GoBlockCond", 5, true, 0);
        d(GO_BLOCK_NET, "GoBlockNet", 5, true, 0);
        d(GO_SYSCALL, "GoSysCall", 5, true, 0);
        d(GO_SYS_EXIT, "GoSysExit", 5, false, 3);
        d(GO_SYS_BLOCK, "GoSysBlock", 5, false, 0);
        d(GO_WAITING, "GoWaiting", 5, false, 1);
        d(GO_IN_SYSCALL, "GoInSyscall", 5, false, 1);
        d(HEAP_ALLOC, "HeapAlloc", 5, false, 1);
        d(NEXT_GC, "NextGC", 5, false, 1);
        d(TIMER_GOROUTINE, "TimerGoroutine", 5, false, 1);
        d(FUTILE_WAKEUP, "FutileWakeup", 5, false, 0);
        d(STRING, "String", 7, false, 0);
        d(GO_START_LOCAL, "GoStartLocal", 7, false, 1);
        d(GO_UNBLOCK_LOCAL, "GoUnblockLocal", 7, true, 1);
        d(GO_SYS_EXIT_LOCAL, "GoSysExitLocal", 7, false, 2);
        d(GO_START_LABEL, "GoStartLabel", 8, false, 3);
        d(GO_BLOCK_GC, "GoBlockGC", 8, true, 0);
        d(GC_MARK_ASSIST_START, "GCMarkAssistStart", 9, true, 0);
        d(GC_MARK_ASSIST_DONE, "GCMarkAssistDone", 9, false, 0);
        d(USER_TASK_CREATE, "UserTaskCreate", 11, true, 3);
        d(USER_TASK_END, "UserTaskEnd", 11, true, 1);
        d(USER_REGION, "UserRegion", 11, true, 3);
        d(USER_LOG, "UserLog", 11, true, 2);
        d(CPU_SAMPLE, "CPUSample", 19, true, 3);
    }

    private V1Events() {
    }

    private static void d(int type, String name, int since, boolean stack, int args) {
        NAMES[type] = name;
        SINCE[type] = since;
        HAS_STACK[type] = stack;
        ARGS[type] = args;
    }

    static boolean known(int type, int minor) {
        return type > 0 && type < COUNT && SINCE[type] <= minor;
    }

    static String name(int type) {
        return type > 0 && type < COUNT ? NAMES[type] : "event type " + type;
    }

    static boolean hasStack(int type) {
        return HAS_STACK[type];
    }

    /**
     * How many varints an event of {@code type} carries in format {@code 1.minor}: the sequence (before 1.7) and
     * time deltas, its arguments and its stack id. Not for Stack, whose length varies.
     */
    static int argNum(int type, int minor) {
        int n = ARGS[type] + (HAS_STACK[type] ? 1 : 0);
        if (type == BATCH || type == FREQUENCY || type == TIMER_GOROUTINE) {
            return minor < 7 ? n + 1 : n;
        }
        n++;
        if (minor < 7) {
            n++;
        }
        if (type == GC_SWEEP_DONE && minor < 9) {
            n -= 2;
        } else if ((type == GC_START || type == GO_START || type == GO_UNBLOCK) && minor < 7) {
            n--;
        } else if (type == STW_START && minor < 10) {
            n--;
        }
        return n;
    }
}
