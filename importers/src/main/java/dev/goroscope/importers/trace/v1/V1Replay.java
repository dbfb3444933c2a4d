package dev.goroscope.importers.trace.v1;

import static dev.goroscope.importers.trace.v1.V1Events.*;

import dev.goroscope.importers.trace.CancelPoll;
import dev.goroscope.importers.trace.LongIntMap;
import dev.goroscope.importers.trace.ReadStopped;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays ordered v1 events into a timeline. v1 has no threads of its own: an M lane is the thread a P was started
 * on (ProcStart's argument), running while the P runs. A goroutine is in SYSCALL from GoSysBlock (or GoInSyscall)
 * to GoSysExit; a GoSysCall that did not block is an instant on a running goroutine. Wait reasons are named as the
 * v2 format names them (GoBlockRecv = "chan receive", ...) so both formats summarise alike.
 */
final class V1Replay {
    private static final String[] STW_KINDS_OLD = {"GC mark termination", "GC sweep termination"};
    private static final String[] STW_KINDS_121 = {"unknown", "GC mark termination", "GC sweep termination",
        "write heap dump", "goroutine profile", "goroutine profile cleanup", "all goroutines stack trace",
        "read mem stats", "AllThreadsSyscall", "GOMAXPROCS", "start trace", "stop trace", "CPU profile",
        "debug call", "GC", "sema", "runtime.Gosched"};

    private final TimelineBuilder b;
    private final int minor;
    private final V1Reader.Events ev;
    private final int[] order;
    private final Map<Long, String> strings;
    private final Map<Long, long[]> traceStacks;
    private final Map<Integer, String> logValues;
    private final Map<Long, Integer> stackCache = new HashMap<>();
    private final Map<Long, Integer> frameOfPc = new HashMap<>();
    private final LongIntMap goroutine = new LongIntMap();
    private final LongIntMap proc = new LongIntMap();
    private final LongIntMap thread = new LongIntMap();
    private final Map<Integer, Integer> threadOfProc = new HashMap<>();
    private final Map<Integer, ArrayDeque<Integer>> openRegions = new HashMap<>();
    private int gcHandle = -1;
    private int stwHandle = -1;

    V1Replay(TimelineBuilder b, int minor, V1Reader.Events ev, int[] order, Map<Long, String> strings,
            Map<Long, long[]> traceStacks, Map<Integer, String> logValues) {
        this.b = b;
        this.minor = minor;
        this.ev = ev;
        this.order = order;
        this.strings = strings;
        this.traceStacks = traceStacks;
        this.logValues = logValues;
    }

    void run(CancelPoll poll) throws ReadStopped {
        b.countEvents(order.length);
        for (int e : order) {
            poll.step("while replaying the events");
            long t = ev.ts[e];
            int type = ev.type[e];
            switch (type) {
                case GO_CREATE -> {
                    int g = newGoroutine(ev.arg(e, 0));
                    b.goroutineCreated(g, t, ev.g[e], stack(ev.arg(e, 1)), stack(ev.stk[e]));
                    b.goroutineState(g, t, GoroutineState.RUNNABLE, -1, stack(ev.arg(e, 1)));
                }
                case GO_WAITING -> state(ev.g[e], t, GoroutineState.WAITING, "", StackTable.EMPTY);
                case GO_IN_SYSCALL -> state(ev.g[e], t, GoroutineState.SYSCALL, "", StackTable.EMPTY);
                case GO_START, GO_START_LABEL -> {
                    int g = state(ev.arg(e, 0), t, GoroutineState.RUNNING, "", StackTable.EMPTY);
                    procRuns(e, t, g);
                }
                case GO_END -> {
                    int g = goroutine.get(ev.g[e]);
                    if (g >= 0) {
                        b.goroutineEnded(g, t);
                        goroutine.remove(ev.g[e]);
                    }
                    procRuns(e, t, -1);
                }
                case GO_STOP -> blocked(e, t, GoroutineState.WAITING, "forever");
                case GO_SCHED -> blocked(e, t, GoroutineState.RUNNABLE, "runtime.Gosched");
                case GO_PREEMPT -> blocked(e, t, GoroutineState.RUNNABLE, "preempted");
                case GO_SLEEP -> blocked(e, t, GoroutineState.WAITING, "sleep");
                case GO_BLOCK -> blocked(e, t, GoroutineState.WAITING, "");
                case GO_BLOCK_SEND -> blocked(e, t, GoroutineState.WAITING, "chan send");
                case GO_BLOCK_RECV -> blocked(e, t, GoroutineState.WAITING, "chan receive");
                case GO_BLOCK_SELECT -> blocked(e, t, GoroutineState.WAITING, "select");
                case GO_BLOCK_SYNC -> blocked(e, t, GoroutineState.WAITING, "sync");
                case GO_BLOCK_COND -> blocked(e, t, GoroutineState.WAITING, "sync.(*Cond).Wait");
                case GO_BLOCK_NET -> blocked(e, t, GoroutineState.WAITING, "network");
                case GO_BLOCK_GC -> blocked(e, t, GoroutineState.WAITING, "GC assist wait");
                case GO_SYS_BLOCK -> blocked(e, t, GoroutineState.SYSCALL, "");
                case GO_UNBLOCK -> unblocked(e, t);
                case GO_SYS_EXIT -> state(ev.arg(e, 0), t, GoroutineState.RUNNABLE, "", StackTable.EMPTY);
                case PROC_START -> {
                    int p = proc(ev.p[e]);
                    if (p >= 0) {
                        int m = thread(ev.arg(e, 0));
                        threadOfProc.put(p, m);
                        b.procState(p, t, GoroutineState.RUNNING, -1);
                        b.threadState(m, t, GoroutineState.RUNNING);
                    }
                }
                case PROC_STOP -> {
                    int p = proc(ev.p[e]);
                    if (p >= 0) {
                        b.procState(p, t, GoroutineState.IDLE, -1);
                        Integer m = threadOfProc.remove(p);
                        if (m != null) {
                            b.threadState(m, t, GoroutineState.IDLE);
                        }
                    }
                }
                case GC_START -> {
                    gcHandle = b.gc().open(t, -1);
                    b.gcCycleBegan();
                }
                case GC_DONE -> {
                    if (gcHandle >= 0) {
                        b.gc().close(gcHandle, t);
                        gcHandle = -1;
                    }
                }
                case STW_START -> stwHandle = b.stw().open(t, b.strings().intern(stwKind(e)));
                case STW_DONE -> {
                    if (stwHandle >= 0) {
                        b.stw().close(stwHandle, t);
                        stwHandle = -1;
                    }
                }
                case HEAP_ALLOC -> b.counter("heap", "bytes").add(t, ev.arg(e, 0));
                case NEXT_GC -> b.counter("heap goal", "bytes").add(t, ev.arg(e, 0));
                case GOMAXPROCS -> b.counter("gomaxprocs", "procs").add(t, ev.arg(e, 0));
                case USER_TASK_CREATE -> b.annotations().taskBegin(t, ev.arg(e, 0), ev.arg(e, 1), string(ev.arg(e, 2)));
                case USER_TASK_END -> b.annotations().taskEnd(t, ev.arg(e, 0), string(0));
                case USER_REGION -> region(e, t);
                case USER_LOG -> b.annotations().log(t, goroutine.get(ev.g[e]), ev.arg(e, 0), string(ev.arg(e, 1)),
                        b.strings().intern(logValues.getOrDefault(e, "")));
                case CPU_SAMPLE -> b.cpu().add(t, stack(ev.stk[e]), ev.g[e]);
                default -> {
                }
            }
        }
    }

    private String stwKind(int e) {
        if (minor < 10) {
            return "stop-the-world";
        }
        long k = ev.arg(e, 0);
        String[] names = minor >= 21 ? STW_KINDS_121 : STW_KINDS_OLD;
        return k >= 0 && k < names.length ? names[(int) k] : "stop-the-world kind " + k;
    }

    private void region(int e, long t) {
        int g = goroutine.get(ev.g[e]);
        ArrayDeque<Integer> open = openRegions.computeIfAbsent(g, k -> new ArrayDeque<>());
        if (ev.arg(e, 1) == 0) {
            open.push(b.annotations().regionBegin(t, g, ev.arg(e, 0), string(ev.arg(e, 2)), open.size()));
        } else if (!open.isEmpty()) {
            b.annotations().regionEnd(open.pop(), t);
        } else {
            int h = b.annotations().regionBegin(Goroutines.UNKNOWN, g, ev.arg(e, 0), string(ev.arg(e, 2)), 0);
            b.annotations().regionEnd(h, t);
        }
    }

    /** The goroutine running on the event's P leaves it for {@code s}. */
    private void blocked(int e, long t, GoroutineState s, String reason) {
        state(ev.g[e], t, s, reason, stack(ev.stk[e]));
        procRuns(e, t, -1);
    }

    /** GoUnblock: the event's goroutine (0: none, the runtime) made goroutine arg 0 runnable. */
    private void unblocked(int e, long t) {
        long goid = ev.arg(e, 0);
        if (goid == 0) {
            return;
        }
        int g = goroutine.get(goid);
        if (g < 0) {
            g = newGoroutine(goid);
        }
        int by = StateLane.BY_RUNTIME;
        if (ev.g[e] != 0) {
            by = goroutine.get(ev.g[e]);
            if (by < 0) {
                by = newGoroutine(ev.g[e]);
            }
        }
        b.goroutineUnblocked(g, t, by);
    }

    private void procRuns(int e, long t, int g) {
        int p = proc(ev.p[e]);
        if (p >= 0) {
            b.procState(p, t, GoroutineState.RUNNING, g);
        }
    }

    private int state(long goid, long t, GoroutineState s, String reason, int stack) {
        if (goid == 0) {
            return -1;
        }
        int g = goroutine.get(goid);
        if (g < 0) {
            g = newGoroutine(goid);
        }
        b.goroutineState(g, t, s, reason.isEmpty() ? -1 : b.strings().intern(reason), stack);
        return g;
    }

    private int newGoroutine(long goid) {
        int g = b.addGoroutine(goid);
        goroutine.put(goid, g);
        return g;
    }

    private int proc(long pid) {
        if (pid < 0 || pid >= 1_000_000) {
            return -1;
        }
        int p = proc.get(pid);
        if (p < 0) {
            p = b.addProc(pid);
            proc.put(pid, p);
        }
        return p;
    }

    private int thread(long mid) {
        int m = thread.get(mid);
        if (m < 0) {
            m = b.addThread(mid);
            thread.put(mid, m);
        }
        return m;
    }

    private int string(long id) {
        String s = strings.get(id);
        return b.strings().intern(s == null ? "" : s);
    }

    private int stack(long id) {
        if (id == 0) {
            return StackTable.EMPTY;
        }
        Integer cached = stackCache.get(id);
        if (cached != null) {
            return cached;
        }
        long[] f = traceStacks.get(id);
        int s = StackTable.EMPTY;
        if (f != null) {
            FrameTable frames = b.stacks().frames();
            int per = minor < 7 ? 1 : 4;
            int n = f.length / per;
            int[] leafFirst = new int[n];
            for (int k = 0; k < n; k++) {
                long pc = f[per * k];
                Integer frame = frameOfPc.get(pc);
                if (frame == null) {
                    if (per == 1) {
                        frame = frames.intern("0x" + Long.toHexString(pc), "", 0);
                    } else {
                        String fn = strings.get(f[per * k + 1]);
                        String file = strings.get(f[per * k + 2]);
                        frame = frames.intern(fn == null ? "" : fn, file == null ? "" : file, (int) f[per * k + 3]);
                    }
                    frameOfPc.put(pc, frame);
                }
                leafFirst[k] = frame;
            }
            s = b.stacks().internLeafFirst(leafFirst, n);
        }
        stackCache.put(id, s);
        return s;
    }
}
