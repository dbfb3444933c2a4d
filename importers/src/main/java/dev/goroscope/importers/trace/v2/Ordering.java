package dev.goroscope.importers.trace.v2;

import static dev.goroscope.importers.trace.v2.EventSpecs.*;

import dev.goroscope.importers.trace.LongIntMap;
import dev.goroscope.importers.trace.TraceFormatException;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the scheduler's state machine over the events of every thread, deciding which thread's next event may
 * happen now (sequence numbers of goroutines and Ps, the global GC sequence, what each M holds) and emitting the
 * events in that order to an {@link Emitter}. The rules are those of Go's reader ({@code golang.org/x/exp/trace}
 * order.go), re-expressed over dense slots so that nothing is boxed per event: goroutine slots are the timeline's
 * goroutine indices, P and M slots its P and M lane indices.
 */
final class Ordering {
    static final int GO_BAD = 0;
    static final int GO_RUNNABLE = 1;
    static final int GO_RUNNING = 2;
    static final int GO_SYSCALL = 3;
    static final int GO_WAITING = 4;
    /** Our marker for a goroutine slot whose goroutine ended. */
    static final int GO_GONE = 5;
    static final int PROC_RUNNING = 1;
    static final int PROC_IDLE = 2;
    static final int PROC_SYSCALL = 3;
    static final int PROC_ABANDONED = 4;

    private static final int MUST_NOT = 0;
    private static final int MAY = 1;
    private static final int MUST = 2;

    private final Emitter out;
    private long initialGen;
    private long gcSeq;
    /** 0 undetermined, 1 not running, 2 running. */
    private int gcState;

    private final LongIntMap gSlot = new LongIntMap();
    private byte[] gStatus = new byte[256];
    private long[] gSeqGen = new long[256];
    private long[] gSeq = new long[256];
    private long[] gGoid = new long[256];
    private int gCount;
    private final Map<Integer, List<String>> gRegions = new HashMap<>();
    private final Map<Integer, RangeSet> gRanges = new HashMap<>();

    private final LongIntMap pSlot = new LongIntMap();
    private int[] pStatus = new int[16];
    private long[] pSeqGen = new long[16];
    private long[] pSeq = new long[16];
    private int[] pHolder = new int[16];
    /** What was last emitted for each P lane: state ordinal and goroutine slot. */
    private int[] pShownState = new int[16];
    private int[] pShownG = new int[16];
    private RangeSet[] pRanges = new RangeSet[16];
    private int pCount;

    private final LongIntMap mSlot = new LongIntMap();
    private int[] mG = new int[16];
    private int[] mP = new int[16];
    private long[] mId = new long[16];
    /** What was last emitted for each M lane (state ordinal, -1 none), so only changes are sent. */
    private int[] mShown = new int[16];
    private int mCount;

    private final Map<Long, String> activeTaskName = new HashMap<>();

    /** The context of the event being advanced: slots of its M, P and G before, and P and G after. */
    private int cM;
    private int cP;
    private int cG;
    private int nP;
    private int nG;
    private int touchedP;
    private int touchedM;
    private Generation gen;
    /** This generation's string ids to timeline string ids + 1 (the map holds only non-negative values). */
    private LongIntMap reasonCache = new LongIntMap();
    private BatchCursor ev;

    Ordering(Emitter out) {
        this.out = out;
    }

    /** Starts a generation: the string and stack tables of {@code g} apply from here. */
    void generation(Generation g) {
        this.gen = g;
        this.reasonCache = new LongIntMap();
    }

    /** The thread slot (and M lane) of thread id {@code m}, created on first sight. */
    int thread(long m) {
        int s = mSlot.get(m);
        if (s >= 0) {
            return s;
        }
        if (mCount == mG.length) {
            int n = mCount * 2;
            mG = Arrays.copyOf(mG, n);
            mP = Arrays.copyOf(mP, n);
            mId = Arrays.copyOf(mId, n);
            mShown = Arrays.copyOf(mShown, n);
        }
        s = mCount++;
        mShown[s] = -1;
        mG[s] = -1;
        mP[s] = -1;
        mId[s] = m;
        mSlot.put(m, s);
        out.addThread(m);
        return s;
    }

    /**
     * Tries to advance the event under cursor {@code c}. Returns false when it cannot happen yet (another thread
     * must go first); throws when the trace is inconsistent.
     */
    boolean advance(BatchCursor c) throws TraceFormatException {
        ev = c;
        if (initialGen == 0) {
            initialGen = gen.gen;
        }
        checkTableIds();
        cM = c.thread;
        cP = cM < 0 ? -1 : mP[cM];
        cG = cM < 0 ? -1 : mG[cM];
        nP = cP;
        nG = cG;
        touchedP = -1;
        touchedM = -1;
        boolean ok = dispatch(c.type, c.args);
        if (!ok) {
            return false;
        }
        if (cM >= 0) {
            setThreadProc(cM, nP);
            mG[cM] = nG;
            refreshThread(cM);
        }
        refreshProc(cP);
        if (nP != cP) {
            refreshProc(nP);
        }
        if (touchedP >= 0 && touchedP != cP && touchedP != nP) {
            refreshProc(touchedP);
        }
        if (touchedM >= 0 && touchedM != cM) {
            refreshThread(touchedM);
        }
        return true;
    }

    private boolean dispatch(int type, long[] a) throws TraceFormatException {
        return switch (type) {
            case EV_PROCS_CHANGE, EV_GO_LABEL, EV_USER_LOG -> annotation(type, a);
            case EV_PROC_START -> procStart(a);
            case EV_PROC_STOP -> procStop();
            case EV_PROC_STEAL -> procSteal(a);
            case EV_PROC_STATUS -> procStatus(a);
            case EV_GO_CREATE, EV_GO_CREATE_BLOCKED -> goCreate(type, a);
            case EV_GO_CREATE_SYSCALL -> goCreateSyscall(a);
            case EV_GO_START -> goStart(a);
            case EV_GO_DESTROY, EV_GO_STOP, EV_GO_BLOCK -> goStopExec(type, a);
            case EV_GO_DESTROY_SYSCALL -> goDestroySyscall();
            case EV_GO_UNBLOCK -> goUnblock(a);
            case EV_GO_SYSCALL_BEGIN -> goSyscallBegin(a);
            case EV_GO_SYSCALL_END -> goSyscallEnd();
            case EV_GO_SYSCALL_END_BLOCKED -> goSyscallEndBlocked();
            case EV_GO_STATUS, EV_GO_STATUS_STACK -> goStatus(type, a);
            case EV_STW_BEGIN, EV_GC_MARK_ASSIST_BEGIN -> goRangeBegin(type, a);
            case EV_STW_END, EV_GC_MARK_ASSIST_END -> goRangeEnd(type);
            case EV_GC_MARK_ASSIST_ACTIVE -> goRangeActive(a);
            case EV_GC_ACTIVE -> gcActive(a);
            case EV_GC_BEGIN -> gcBegin(a);
            case EV_GC_END -> gcEnd(a);
            case EV_GC_SWEEP_BEGIN -> sweepBegin();
            case EV_GC_SWEEP_ACTIVE -> sweepActive(a);
            case EV_GC_SWEEP_END -> sweepEnd();
            case EV_HEAP_ALLOC, EV_HEAP_GOAL -> heapMetric(type, a);
            case EV_USER_TASK_BEGIN -> taskBegin(a);
            case EV_USER_TASK_END -> taskEnd(a);
            case EV_USER_REGION_BEGIN -> regionBegin(a);
            case EV_USER_REGION_END -> regionEnd(a);
            case EV_GO_SWITCH, EV_GO_SWITCH_DESTROY -> goSwitch(type, a);
            default -> experimental(type);
        };
    }

    private TraceFormatException fail(String problem) {
        return new TraceFormatException(ev.offset, EventSpecs.name(ev.type) + ": " + problem);
    }

    private void require(int m, int p, int g) throws TraceFormatException {
        if (m == MUST && cM < 0) {
            throw fail("expected a thread but didn't have one");
        }
        if (p == MUST && cP < 0) {
            throw fail("expected a proc but didn't have one");
        } else if (p == MUST_NOT && cP >= 0) {
            throw fail("expected no proc but had one");
        }
        if (g == MUST && cG < 0) {
            throw fail("expected a goroutine but didn't have one");
        } else if (g == MUST_NOT && cG >= 0) {
            throw fail("expected no goroutine but had one");
        }
    }

    private void requireUserGoroutine() throws TraceFormatException {
        require(MUST, MUST, MUST);
    }

    private void checkTableIds() throws TraceFormatException {
        if (gen.cut) {
            return;
        }
        int t = ev.type;
        long[] a = ev.args;
        int s = EventSpecs.stackArg(t);
        if (s >= 0 && !gen.stacks.contains(a[s])) {
            throw fail("unknown stack id " + Long.toUnsignedString(a[s]));
        }
        if ((t == EV_GO_CREATE || t == EV_GO_CREATE_BLOCKED) && !gen.stacks.contains(a[1])) {
            throw fail("unknown stack id " + Long.toUnsignedString(a[1]));
        }
        switch (t) {
            case EV_GO_STOP, EV_GO_BLOCK, EV_STW_BEGIN, EV_GO_LABEL -> checkString(a[0]);
            case EV_USER_TASK_BEGIN -> checkString(a[2]);
            case EV_USER_REGION_BEGIN, EV_USER_REGION_END -> checkString(a[1]);
            case EV_USER_LOG -> {
                checkString(a[1]);
                checkString(a[2]);
            }
            default -> {
            }
        }
    }

    private void checkString(long id) throws TraceFormatException {
        if (!gen.strings.contains(id)) {
            throw fail("unknown string id " + Long.toUnsignedString(id));
        }
    }

    /** The timeline string id of this generation's string {@code id} (-1 for none or empty), cached. */
    private int reason(long id) {
        int r = reasonCache.get(id);
        if (r == LongIntMap.MISSING) {
            r = out.intern(string(id));
            reasonCache.put(id, r + 1);
            return r;
        }
        return r - 1;
    }

    private String string(long id) {
        String s = id == 0 ? null : gen.strings.get(id);
        return s == null ? "" : s;
    }

    // ---- Ps ----

    private int proc(long pid) {
        return pSlot.get(pid);
    }

    private int newProc(long pid, int status) {
        if (pCount == pStatus.length) {
            int n = pCount * 2;
            pStatus = Arrays.copyOf(pStatus, n);
            pSeqGen = Arrays.copyOf(pSeqGen, n);
            pSeq = Arrays.copyOf(pSeq, n);
            pHolder = Arrays.copyOf(pHolder, n);
            pRanges = Arrays.copyOf(pRanges, n);
            pShownState = Arrays.copyOf(pShownState, n);
            pShownG = Arrays.copyOf(pShownG, n);
        }
        int s = pCount++;
        pShownState[s] = -1;
        pShownG[s] = -1;
        pStatus[s] = status;
        pSeqGen[s] = gen.gen;
        pSeq[s] = 0;
        pHolder[s] = -1;
        pSlot.put(pid, s);
        out.addProc(pid);
        return s;
    }

    private boolean procSucceeds(int p, long seq) {
        return pSeqGen[p] == gen.gen && pSeq[p] + 1 == seq;
    }

    private boolean procStatus(long[] a) throws TraceFormatException {
        long pid = a[0];
        long status = a[1];
        if (status < 0 || status > PROC_ABANDONED) {
            throw fail("invalid status " + Long.toUnsignedString(status) + " for proc " + pid);
        }
        int p = proc(pid);
        if (p >= 0) {
            boolean promoted = status == PROC_ABANDONED && pStatus[p] == PROC_SYSCALL;
            boolean passThrough = status == PROC_ABANDONED && pStatus[p] == PROC_ABANDONED;
            if (!promoted && !passThrough && pStatus[p] != status) {
                throw fail("inconsistent status for proc " + pid + ": old " + pStatus[p] + " vs. new " + status);
            }
            pSeqGen[p] = gen.gen;
            pSeq[p] = 0;
            if (promoted) {
                boolean found = false;
                for (int m = 0; m < mCount; m++) {
                    found |= mP[m] == p;
                }
                if (!found) {
                    throw fail("failed to find the thread of proc " + pid + " that is about to be stolen");
                }
            }
        } else {
            p = newProc(pid, (int) status);
        }
        if (status == PROC_RUNNING || status == PROC_SYSCALL) {
            nP = p;
        }
        touchedP = p;
        out.other(ev.time);
        return true;
    }

    private boolean procStart(long[] a) throws TraceFormatException {
        int p = proc(a[0]);
        if (p < 0 || pStatus[p] != PROC_IDLE || !procSucceeds(p, a[1]) || cP >= 0) {
            return false;
        }
        require(MUST, MUST_NOT, MAY);
        pStatus[p] = PROC_RUNNING;
        pSeqGen[p] = gen.gen;
        pSeq[p] = a[1];
        nP = p;
        out.other(ev.time);
        return true;
    }

    private boolean procStop() throws TraceFormatException {
        if (cP < 0) {
            throw fail("no proc to stop");
        }
        if (pStatus[cP] != PROC_RUNNING && pStatus[cP] != PROC_SYSCALL) {
            throw fail("proc is not running or in a syscall");
        }
        require(MUST, MUST, MAY);
        pStatus[cP] = PROC_IDLE;
        nP = -1;
        out.other(ev.time);
        return true;
    }

    private boolean procSteal(long[] a) throws TraceFormatException {
        int p = proc(a[0]);
        if (p < 0 || pStatus[p] != PROC_SYSCALL && pStatus[p] != PROC_ABANDONED || !procSucceeds(p, a[1])) {
            return false;
        }
        require(MUST, MAY, MAY);
        int old = pStatus[p];
        pStatus[p] = PROC_IDLE;
        pSeqGen[p] = gen.gen;
        pSeq[p] = a[1];
        touchedP = p;
        if (old == PROC_ABANDONED) {
            out.other(ev.time);
            return true;
        }
        long victimId = a[2];
        if (victimId == ev.m) {
            if (cP != p) {
                throw fail("tried to self-steal proc " + a[0] + " (thread " + victimId + "), but got proc "
                        + (cP < 0 ? "none" : "another") + " instead");
            }
            nP = -1;
            out.other(ev.time);
            return true;
        }
        int victim = mSlot.get(victimId);
        if (victim < 0) {
            throw fail("stole proc from non-existent thread " + victimId);
        }
        if (mP[victim] != p) {
            throw fail("tried to steal proc " + a[0] + " from thread " + victimId + ", which has another proc");
        }
        setThreadProc(victim, -1);
        touchedM = victim;
        out.other(ev.time);
        return true;
    }

    // ---- goroutines ----

    private int newGoroutine(long goid, int status) {
        if (gCount == gStatus.length) {
            int n = gCount * 2;
            gStatus = Arrays.copyOf(gStatus, n);
            gSeqGen = Arrays.copyOf(gSeqGen, n);
            gSeq = Arrays.copyOf(gSeq, n);
            gGoid = Arrays.copyOf(gGoid, n);
        }
        int g = gCount++;
        gStatus[g] = (byte) status;
        gSeqGen[g] = gen.gen;
        gSeq[g] = 0;
        gGoid[g] = goid;
        gSlot.put(goid, g);
        out.addGoroutine(goid);
        return g;
    }

    private void goneGoroutine(int g) {
        gSlot.remove(gGoid[g]);
        gStatus[g] = GO_GONE;
        gRegions.remove(g);
        gRanges.remove(g);
    }

    private boolean goSucceeds(int g, long seq) {
        return gSeqGen[g] == gen.gen && gSeq[g] + 1 == seq;
    }

    private static GoroutineState state(int status) {
        return switch (status) {
            case GO_RUNNABLE -> GoroutineState.RUNNABLE;
            case GO_RUNNING -> GoroutineState.RUNNING;
            case GO_SYSCALL -> GoroutineState.SYSCALL;
            case GO_WAITING -> GoroutineState.WAITING;
            default -> null;
        };
    }

    private boolean goStatus(int type, long[] a) throws TraceFormatException {
        long goid = a[0];
        long mid = a[1];
        long status = a[2];
        if (status < 0 || status > GO_WAITING) {
            throw fail("invalid status " + Long.toUnsignedString(status) + " for goroutine " + goid);
        }
        int g = gSlot.get(goid);
        boolean found = false;
        if (g >= 0) {
            if (gStatus[g] != status) {
                throw fail("inconsistent status for goroutine " + goid + ": old " + gStatus[g] + " vs. new " + status);
            }
            gSeqGen[g] = gen.gen;
            gSeq[g] = 0;
        } else if (gen.gen == initialGen) {
            g = newGoroutine(goid, (int) status);
            found = true;
        } else {
            throw fail("status of goroutine " + goid + " first seen after the first generation");
        }
        if (status == GO_RUNNING) {
            nG = g;
        } else if (status == GO_SYSCALL) {
            if (mid == Batch.NO_THREAD) {
                throw fail("goroutine " + goid + " in a syscall without a thread");
            }
            if (mid == ev.m && cM >= 0) {
                if (gen.gen != initialGen && cG != g) {
                    throw fail("inconsistent thread for syscalling goroutine " + goid);
                }
                nG = g;
            } else {
                int other = mSlot.get(mid);
                if (other >= 0) {
                    if (mG[other] != g) {
                        throw fail("inconsistent thread for syscalling goroutine " + goid);
                    }
                } else {
                    other = thread(mid);
                    mG[other] = g;
                }
                touchedM = other;
            }
        }
        int stack = type == EV_GO_STATUS_STACK ? gen.stack(a[3]) : StackTable.EMPTY;
        GoroutineState s = state((int) status);
        if (found && s != null) {
            out.goFound(ev.time, g, goid, s, stack);
        } else {
            out.other(ev.time);
        }
        return true;
    }

    private boolean goCreate(int type, long[] a) throws TraceFormatException {
        require(MUST, MUST, MAY);
        if (cG >= 0 && gStatus[cG] != GO_RUNNING) {
            throw fail("creating goroutine is not running");
        }
        long goid = a[0];
        if (gSlot.get(goid) >= 0) {
            throw fail("goroutine " + goid + " already exists");
        }
        int status = type == EV_GO_CREATE_BLOCKED ? GO_WAITING : GO_RUNNABLE;
        int g = newGoroutine(goid, status);
        out.goCreated(ev.time, g, goid, cG >= 0 ? gGoid[cG] : 0, gen.stack(a[1]), gen.stack(a[2]), state(status));
        return true;
    }

    private boolean goCreateSyscall(long[] a) throws TraceFormatException {
        require(MUST, MAY, MUST_NOT);
        long goid = a[0];
        if (gSlot.get(goid) >= 0) {
            throw fail("goroutine " + goid + " already exists");
        }
        int g = newGoroutine(goid, GO_SYSCALL);
        nG = g;
        out.goCreated(ev.time, g, goid, 0, StackTable.EMPTY,
                StackTable.EMPTY, GoroutineState.SYSCALL);
        return true;
    }

    private int runningGoroutine() throws TraceFormatException {
        requireUserGoroutine();
        if (cG < 0 || gStatus[cG] == GO_GONE) {
            throw fail("goroutine does not exist");
        }
        if (gStatus[cG] != GO_RUNNING) {
            throw fail("goroutine is not running");
        }
        return cG;
    }

    private boolean goStopExec(int type, long[] a) throws TraceFormatException {
        int g = runningGoroutine();
        nG = -1;
        if (type == EV_GO_DESTROY) {
            goneGoroutine(g);
            out.goEnded(ev.time, g);
        } else if (type == EV_GO_STOP) {
            gStatus[g] = GO_RUNNABLE;
            out.goState(ev.time, g, GoroutineState.RUNNABLE, reason(a[0]), gen.stack(a[1]));
        } else {
            gStatus[g] = GO_WAITING;
            out.goState(ev.time, g, GoroutineState.WAITING, reason(a[0]), gen.stack(a[1]));
        }
        return true;
    }

    private boolean goStart(long[] a) throws TraceFormatException {
        int g = gSlot.get(a[0]);
        if (g < 0 || gStatus[g] != GO_RUNNABLE || !goSucceeds(g, a[1])) {
            return false;
        }
        require(MUST, MUST, MUST_NOT);
        gStatus[g] = GO_RUNNING;
        gSeqGen[g] = gen.gen;
        gSeq[g] = a[1];
        nG = g;
        out.goState(ev.time, g, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        return true;
    }

    private boolean goUnblock(long[] a) {
        int g = gSlot.get(a[0]);
        if (g < 0 || gStatus[g] != GO_WAITING || !goSucceeds(g, a[1])) {
            return false;
        }
        gStatus[g] = GO_RUNNABLE;
        gSeqGen[g] = gen.gen;
        gSeq[g] = a[1];
        out.goUnblocked(ev.time, g, cG);
        return true;
    }

    private boolean goSwitch(int type, long[] a) throws TraceFormatException {
        int cur = runningGoroutine();
        int next = gSlot.get(a[0]);
        if (next < 0 || gStatus[next] != GO_WAITING || !goSucceeds(next, a[1])) {
            return false;
        }
        out.goUnblocked(ev.time, next, cur);
        if (type == EV_GO_SWITCH) {
            gStatus[cur] = GO_WAITING;
            out.goState(ev.time, cur, GoroutineState.WAITING, -1, StackTable.EMPTY);
        } else {
            goneGoroutine(cur);
            out.goEnded(ev.time, cur);
        }
        gStatus[next] = GO_RUNNING;
        gSeqGen[next] = gen.gen;
        gSeq[next] = a[1];
        nG = next;
        out.goState(ev.time, next, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        return true;
    }

    private boolean goSyscallBegin(long[] a) throws TraceFormatException {
        int g = runningGoroutine();
        gStatus[g] = GO_SYSCALL;
        pStatus[cP] = PROC_SYSCALL;
        if (!procSucceeds(cP, a[0])) {
            throw fail("proc sequence " + a[0] + " does not follow " + pSeq[cP]);
        }
        pSeqGen[cP] = gen.gen;
        pSeq[cP] = a[0];
        out.goState(ev.time, g, GoroutineState.SYSCALL, -1, gen.stack(a[1]));
        return true;
    }

    private boolean goSyscallEnd() throws TraceFormatException {
        requireUserGoroutine();
        if (gStatus[cG] != GO_SYSCALL) {
            throw fail("goroutine is not in a syscall");
        }
        if (pStatus[cP] != PROC_SYSCALL) {
            throw fail("proc is not in a syscall");
        }
        gStatus[cG] = GO_RUNNING;
        pStatus[cP] = PROC_RUNNING;
        out.goState(ev.time, cG, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        return true;
    }

    private boolean goSyscallEndBlocked() throws TraceFormatException {
        if (cP >= 0 && pStatus[cP] == PROC_SYSCALL) {
            return false;
        }
        require(MUST, MAY, MUST);
        if (gStatus[cG] != GO_SYSCALL) {
            throw fail("goroutine is not in a syscall");
        }
        gStatus[cG] = GO_RUNNABLE;
        nG = -1;
        out.goState(ev.time, cG, GoroutineState.RUNNABLE, -1, StackTable.EMPTY);
        return true;
    }

    private boolean goDestroySyscall() throws TraceFormatException {
        require(MUST, MAY, MUST);
        int g = cG;
        if (gStatus[g] != GO_SYSCALL) {
            throw fail("goroutine is not in a syscall");
        }
        goneGoroutine(g);
        nG = -1;
        if (cP >= 0) {
            if (pStatus[cP] != PROC_SYSCALL) {
                throw fail("proc is not in a syscall");
            }
            pStatus[cP] = PROC_ABANDONED;
            nP = -1;
            out.other(ev.time);
        }
        out.goEnded(ev.time, g);
        return true;
    }

    // ---- ranges: GC, sweep, STW, mark assist ----

    private boolean gcActive(long[] a) throws TraceFormatException {
        if (gen.gen == initialGen) {
            if (gcState != 0) {
                throw fail("GCActive in the first generation is not the first GC event");
            }
            gcSeq = a[0];
            gcState = 2;
            out.gcActive(ev.time);
            return true;
        }
        if (a[0] != gcSeq + 1) {
            return false;
        }
        if (gcState != 2) {
            throw fail("GCActive while no GC is running");
        }
        gcSeq = a[0];
        requireUserGoroutine();
        out.other(ev.time);
        return true;
    }

    private boolean gcBegin(long[] a) throws TraceFormatException {
        if (gcState == 0) {
            gcSeq = a[0];
            gcState = 2;
            out.gcBegin(ev.time);
            return true;
        }
        if (a[0] != gcSeq + 1) {
            return false;
        }
        if (gcState == 2) {
            throw fail("GCBegin while a GC is already running");
        }
        gcSeq = a[0];
        gcState = 2;
        requireUserGoroutine();
        out.gcBegin(ev.time);
        return true;
    }

    private boolean gcEnd(long[] a) throws TraceFormatException {
        if (a[0] != gcSeq + 1) {
            return false;
        }
        if (gcState != 2) {
            throw fail("GCEnd while no GC is known to run");
        }
        gcSeq = a[0];
        gcState = 1;
        requireUserGoroutine();
        out.gcEnd(ev.time);
        return true;
    }

    private RangeSet procRanges(int p) {
        if (pRanges[p] == null) {
            pRanges[p] = new RangeSet();
        }
        return pRanges[p];
    }

    private boolean sweepBegin() throws TraceFormatException {
        require(MUST, MUST, MAY);
        if (!procRanges(cP).begin(EV_GC_SWEEP_BEGIN, 0)) {
            throw fail("sweep already in progress");
        }
        out.other(ev.time);
        return true;
    }

    private boolean sweepActive(long[] a) throws TraceFormatException {
        int p = proc(a[0]);
        if (p < 0) {
            throw fail("unknown proc " + a[0]);
        }
        if (!procRanges(p).active(EV_GC_SWEEP_BEGIN, 0, gen.gen == initialGen)) {
            throw fail("sweep active state does not match");
        }
        out.other(ev.time);
        return true;
    }

    private boolean sweepEnd() throws TraceFormatException {
        require(MUST, MUST, MAY);
        if (procRanges(cP).end(EV_GC_SWEEP_BEGIN) == null) {
            throw fail("sweep not in progress");
        }
        out.other(ev.time);
        return true;
    }

    private RangeSet goRanges(int g) {
        return gRanges.computeIfAbsent(g, k -> new RangeSet());
    }

    private boolean goRangeBegin(int type, long[] a) throws TraceFormatException {
        requireUserGoroutine();
        if (gStatus[cG] == GO_GONE) {
            throw fail("goroutine does not exist");
        }
        long desc = type == EV_STW_BEGIN ? a[0] : 0;
        String kind = type == EV_STW_BEGIN ? string(a[0]) : null;
        if (!goRanges(cG).begin(type, kind == null ? 0 : desc)) {
            throw fail("range already in progress");
        }
        if (type == EV_STW_BEGIN) {
            goRanges(cG).setLabel(kind);
            out.stwBegin(ev.time, cG, kind);
        } else {
            out.other(ev.time);
        }
        return true;
    }

    private boolean goRangeActive(long[] a) throws TraceFormatException {
        int g = gSlot.get(a[0]);
        if (g < 0) {
            throw fail("unknown goroutine " + a[0]);
        }
        if (!goRanges(g).active(EV_GC_MARK_ASSIST_BEGIN, 0, gen.gen == initialGen)) {
            throw fail("mark assist active state does not match");
        }
        out.other(ev.time);
        return true;
    }

    private boolean goRangeEnd(int type) throws TraceFormatException {
        requireUserGoroutine();
        int begin = type == EV_STW_END ? EV_STW_BEGIN : EV_GC_MARK_ASSIST_BEGIN;
        if (gStatus[cG] == GO_GONE || goRanges(cG).end(begin) == null) {
            throw fail("range not in progress");
        }
        if (type == EV_STW_END) {
            out.stwEnd(ev.time, cG);
        } else {
            out.other(ev.time);
        }
        return true;
    }

    // ---- annotations and metrics ----

    private boolean annotation(int type, long[] a) throws TraceFormatException {
        requireUserGoroutine();
        if (type == EV_PROCS_CHANGE) {
            out.metric(ev.time, Emitter.GOMAXPROCS, a[0]);
        } else if (type == EV_USER_LOG) {
            out.log(ev.time, cG, a[0], string(a[1]), string(a[2]));
        } else {
            out.other(ev.time);
        }
        return true;
    }

    private boolean heapMetric(int type, long[] a) throws TraceFormatException {
        require(MUST, MUST, MAY);
        out.metric(ev.time, type == EV_HEAP_ALLOC ? Emitter.HEAP : Emitter.HEAP_GOAL, a[0]);
        return true;
    }

    private boolean taskBegin(long[] a) throws TraceFormatException {
        long id = a[0];
        if (activeTaskName.containsKey(id)) {
            throw fail("task id conflict: " + id);
        }
        String name = string(a[2]);
        activeTaskName.put(id, name);
        requireUserGoroutine();
        out.taskBegin(ev.time, id, a[1], name);
        return true;
    }

    private boolean taskEnd(long[] a) throws TraceFormatException {
        String name = activeTaskName.remove(a[0]);
        requireUserGoroutine();
        out.taskEnd(ev.time, a[0], name == null ? "" : name);
        return true;
    }

    private boolean regionBegin(long[] a) throws TraceFormatException {
        requireUserGoroutine();
        if (gStatus[cG] == GO_GONE) {
            throw fail("goroutine does not exist");
        }
        String key = a[0] + "\u0000" + string(a[1]);
        List<String> stack = gRegions.computeIfAbsent(cG, k -> new ArrayList<>());
        stack.add(key);
        out.regionBegin(ev.time, cG, a[0], string(a[1]), stack.size() - 1);
        return true;
    }

    private boolean regionEnd(long[] a) throws TraceFormatException {
        requireUserGoroutine();
        if (gStatus[cG] == GO_GONE) {
            throw fail("goroutine does not exist");
        }
        List<String> stack = gRegions.get(cG);
        String key = a[0] + "\u0000" + string(a[1]);
        if (stack != null && !stack.isEmpty()) {
            if (!stack.get(stack.size() - 1).equals(key)) {
                throw fail("region end does not match the innermost open region of goroutine " + gGoid[cG]);
            }
            stack.remove(stack.size() - 1);
        }
        out.regionEnd(ev.time, cG, a[0], string(a[1]));
        return true;
    }

    private boolean experimental(int type) throws TraceFormatException {
        if (type < EV_EXPERIMENTAL_FIRST) {
            throw fail("event not allowed in an event batch");
        }
        require(MUST, MAY, MAY);
        out.other(ev.time);
        return true;
    }

    // ---- lanes ----

    private void setThreadProc(int m, int p) {
        int old = mP[m];
        if (old == p) {
            return;
        }
        if (old >= 0 && pHolder[old] == m) {
            pHolder[old] = -1;
        }
        mP[m] = p;
        if (p >= 0) {
            pHolder[p] = m;
        }
    }

    private void refreshThread(int m) {
        int g = mG[m];
        GoroutineState s;
        if (g >= 0 && gStatus[g] == GO_SYSCALL) {
            s = GoroutineState.SYSCALL;
        } else if (mP[m] >= 0 || g >= 0) {
            s = GoroutineState.RUNNING;
        } else {
            s = GoroutineState.IDLE;
        }
        if (mShown[m] != s.ordinal()) {
            mShown[m] = s.ordinal();
            out.threadState(m, s);
        }
    }

    private void refreshProc(int p) {
        if (p < 0) {
            return;
        }
        boolean running = pStatus[p] == PROC_RUNNING || pStatus[p] == PROC_SYSCALL;
        int holder = pHolder[p];
        GoroutineState s = running ? GoroutineState.RUNNING : GoroutineState.IDLE;
        int g = running && holder >= 0 ? mG[holder] : -1;
        if (pShownState[p] != s.ordinal() || pShownG[p] != g) {
            pShownState[p] = s.ordinal();
            pShownG[p] = g;
            out.procState(p, s, g);
        }
    }

    /** The ranges (sweep, STW, mark assist) open on one goroutine or P. */
    private static final class RangeSet {
        private int[] type = new int[2];
        private long[] desc = new long[2];
        private String label;
        private int n;

        boolean has(int t, long d) {
            for (int i = 0; i < n; i++) {
                if (type[i] == t && desc[i] == d) {
                    return true;
                }
            }
            return false;
        }

        boolean begin(int t, long d) {
            if (has(t, d)) {
                return false;
            }
            if (n == type.length) {
                type = Arrays.copyOf(type, n * 2);
                desc = Arrays.copyOf(desc, n * 2);
            }
            type[n] = t;
            desc[n++] = d;
            return true;
        }

        boolean active(int t, long d, boolean initialGen) {
            if (initialGen) {
                return begin(t, d);
            }
            return has(t, d);
        }

        void setLabel(String l) {
            label = l;
        }

        /** Ends the first open range of begin type {@code t}; returns its label ("" if none) or null. */
        String end(int t) {
            for (int i = 0; i < n; i++) {
                if (type[i] == t) {
                    type[i] = type[n - 1];
                    desc[i] = desc[n - 1];
                    n--;
                    return label == null ? "" : label;
                }
            }
            return null;
        }
    }
}
