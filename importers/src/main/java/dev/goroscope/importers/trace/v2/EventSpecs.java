package dev.goroscope.importers.trace.v2;

/**
 * The v2 wire events (Go 1.22+): type numbers, names and how many arguments follow the time delta. A timed event
 * is its type byte, a time delta and exactly {@link #argCount} varints; there is no length, so an unknown type
 * cannot be skipped. Source: the event table of {@code golang.org/x/exp/trace/internal/tracev2} (FORMATS.md §3.2).
 */
final class EventSpecs {
    static final int EV_EVENT_BATCH = 1;
    static final int EV_STACKS = 2;
    static final int EV_STACK = 3;
    static final int EV_STRINGS = 4;
    static final int EV_STRING = 5;
    static final int EV_CPU_SAMPLES = 6;
    static final int EV_CPU_SAMPLE = 7;
    static final int EV_FREQUENCY = 8;
    static final int EV_PROCS_CHANGE = 9;
    static final int EV_PROC_START = 10;
    static final int EV_PROC_STOP = 11;
    static final int EV_PROC_STEAL = 12;
    static final int EV_PROC_STATUS = 13;
    static final int EV_GO_CREATE = 14;
    static final int EV_GO_CREATE_SYSCALL = 15;
    static final int EV_GO_START = 16;
    static final int EV_GO_DESTROY = 17;
    static final int EV_GO_DESTROY_SYSCALL = 18;
    static final int EV_GO_STOP = 19;
    static final int EV_GO_BLOCK = 20;
    static final int EV_GO_UNBLOCK = 21;
    static final int EV_GO_SYSCALL_BEGIN = 22;
    static final int EV_GO_SYSCALL_END = 23;
    static final int EV_GO_SYSCALL_END_BLOCKED = 24;
    static final int EV_GO_STATUS = 25;
    static final int EV_STW_BEGIN = 26;
    static final int EV_STW_END = 27;
    static final int EV_GC_ACTIVE = 28;
    static final int EV_GC_BEGIN = 29;
    static final int EV_GC_END = 30;
    static final int EV_GC_SWEEP_ACTIVE = 31;
    static final int EV_GC_SWEEP_BEGIN = 32;
    static final int EV_GC_SWEEP_END = 33;
    static final int EV_GC_MARK_ASSIST_ACTIVE = 34;
    static final int EV_GC_MARK_ASSIST_BEGIN = 35;
    static final int EV_GC_MARK_ASSIST_END = 36;
    static final int EV_HEAP_ALLOC = 37;
    static final int EV_HEAP_GOAL = 38;
    static final int EV_GO_LABEL = 39;
    static final int EV_USER_TASK_BEGIN = 40;
    static final int EV_USER_TASK_END = 41;
    static final int EV_USER_REGION_BEGIN = 42;
    static final int EV_USER_REGION_END = 43;
    static final int EV_USER_LOG = 44;
    static final int EV_GO_SWITCH = 45;
    static final int EV_GO_SWITCH_DESTROY = 46;
    static final int EV_GO_CREATE_BLOCKED = 47;
    static final int EV_GO_STATUS_STACK = 48;
    static final int EV_EXPERIMENTAL_BATCH = 49;
    static final int EV_SYNC = 50;
    static final int EV_CLOCK_SNAPSHOT = 51;
    static final int EV_END_OF_GENERATION = 52;
    /** AllocFree experiment events (GOEXPERIMENT=allocheapprof builds): 128..136. */
    static final int EV_EXPERIMENTAL_FIRST = 128;
    static final int EV_EXPERIMENTAL_LAST = 136;

    static final int MAX_BATCH_SIZE = 64 << 10;
    static final int MAX_FRAMES_PER_STACK = 128;
    static final int MAX_STRING_SIZE = 1 << 10;

    private static final String[] NAMES = new String[EV_EXPERIMENTAL_LAST + 1];
    private static final int[] ARGS = new int[EV_EXPERIMENTAL_LAST + 1];
    /** Index (among the arguments after dt) of the event's own stack, or -1. */
    private static final int[] STACK_ARG = new int[EV_EXPERIMENTAL_LAST + 1];

    static {
        java.util.Arrays.fill(ARGS, -1);
        java.util.Arrays.fill(STACK_ARG, -1);
        timed(EV_PROCS_CHANGE, "ProcsChange", 2, 1);
        timed(EV_PROC_START, "ProcStart", 2, -1);
        timed(EV_PROC_STOP, "ProcStop", 0, -1);
        timed(EV_PROC_STEAL, "ProcSteal", 3, -1);
        timed(EV_PROC_STATUS, "ProcStatus", 2, -1);
        timed(EV_GO_CREATE, "GoCreate", 3, 2);
        timed(EV_GO_CREATE_SYSCALL, "GoCreateSyscall", 1, -1);
        timed(EV_GO_START, "GoStart", 2, -1);
        timed(EV_GO_DESTROY, "GoDestroy", 0, -1);
        timed(EV_GO_DESTROY_SYSCALL, "GoDestroySyscall", 0, -1);
        timed(EV_GO_STOP, "GoStop", 2, 1);
        timed(EV_GO_BLOCK, "GoBlock", 2, 1);
        timed(EV_GO_UNBLOCK, "GoUnblock", 3, 2);
        timed(EV_GO_SYSCALL_BEGIN, "GoSyscallBegin", 2, 1);
        timed(EV_GO_SYSCALL_END, "GoSyscallEnd", 0, -1);
        timed(EV_GO_SYSCALL_END_BLOCKED, "GoSyscallEndBlocked", 0, -1);
        timed(EV_GO_STATUS, "GoStatus", 3, -1);
        timed(EV_STW_BEGIN, "STWBegin", 2, 1);
        timed(EV_STW_END, "STWEnd", 0, -1);
        timed(EV_GC_ACTIVE, "GCActive", 1, -1);
        timed(EV_GC_BEGIN, "GCBegin", 2, 1);
        timed(EV_GC_END, "GCEnd", 1, -1);
        timed(EV_GC_SWEEP_ACTIVE, "GCSweepActive", 1, -1);
        timed(EV_GC_SWEEP_BEGIN, "GCSweepBegin", 1, 0);
        timed(EV_GC_SWEEP_END, "GCSweepEnd", 2, -1);
        timed(EV_GC_MARK_ASSIST_ACTIVE, "GCMarkAssistActive", 1, -1);
        timed(EV_GC_MARK_ASSIST_BEGIN, "GCMarkAssistBegin", 1, 0);
        timed(EV_GC_MARK_ASSIST_END, "GCMarkAssistEnd", 0, -1);
        timed(EV_HEAP_ALLOC, "HeapAlloc", 1, -1);
        timed(EV_HEAP_GOAL, "HeapGoal", 1, -1);
        timed(EV_GO_LABEL, "GoLabel", 1, -1);
        timed(EV_USER_TASK_BEGIN, "UserTaskBegin", 4, 3);
        timed(EV_USER_TASK_END, "UserTaskEnd", 2, 1);
        timed(EV_USER_REGION_BEGIN, "UserRegionBegin", 3, 2);
        timed(EV_USER_REGION_END, "UserRegionEnd", 3, 2);
        timed(EV_USER_LOG, "UserLog", 4, 3);
        timed(EV_GO_SWITCH, "GoSwitch", 2, -1);
        timed(EV_GO_SWITCH_DESTROY, "GoSwitchDestroy", 2, -1);
        timed(EV_GO_CREATE_BLOCKED, "GoCreateBlocked", 3, 2);
        timed(EV_GO_STATUS_STACK, "GoStatusStack", 4, 3);
        timed(EV_CLOCK_SNAPSHOT, "ClockSnapshot", 3, -1);
        timed(128, "Span", 3, -1);
        timed(129, "SpanAlloc", 3, -1);
        timed(130, "SpanFree", 1, -1);
        timed(131, "HeapObject", 2, -1);
        timed(132, "HeapObjectAlloc", 2, -1);
        timed(133, "HeapObjectFree", 1, -1);
        timed(134, "GoroutineStack", 2, -1);
        timed(135, "GoroutineStackAlloc", 2, -1);
        timed(136, "GoroutineStackFree", 1, -1);
    }

    private EventSpecs() {
    }

    private static void timed(int type, String name, int args, int stackArg) {
        NAMES[type] = name;
        ARGS[type] = args;
        STACK_ARG[type] = stackArg;
    }

    /** Whether {@code type} is a timed event a trace of header version {@code 1.minor} may hold in an event batch. */
    static boolean isTimed(int type, int minor) {
        if (type < 0 || type >= ARGS.length || ARGS[type] < 0 || type == EV_CLOCK_SNAPSHOT) {
            return false;
        }
        if (type >= EV_EXPERIMENTAL_FIRST) {
            return minor >= 23;
        }
        int max = minor == 22 ? EV_USER_LOG : minor < 25 ? EV_GO_STATUS_STACK : EV_CLOCK_SNAPSHOT;
        return type <= max;
    }

    /** Arguments after the time delta. */
    static int argCount(int type) {
        return ARGS[type];
    }

    /** Index of the event's own stack among its arguments, or -1. */
    static int stackArg(int type) {
        return STACK_ARG[type];
    }

    static String name(int type) {
        return type >= 0 && type < NAMES.length && NAMES[type] != null ? NAMES[type] : "event type " + type;
    }
}
