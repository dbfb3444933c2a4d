package dev.goroscope.importers.trace.v1;

import static dev.goroscope.importers.trace.v1.V1Events.*;

import dev.goroscope.importers.trace.CancelPoll;
import dev.goroscope.importers.trace.LongIntMap;
import dev.goroscope.importers.trace.ReadStopped;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the events of a Go 1.7+ v1 trace in order: each P's list is in order, and an event may be taken next only
 * when its goroutine is in the state (and at the sequence number) the event starts from; of the events that may,
 * the earliest goes first. Where no event may go (a trace Go's parser would refuse), the earliest head event is
 * forced and a warning says so.
 */
final class V1Ordering {
    private static final long UNORDERED = -1L;
    private static final long GARBAGE = -2L;
    private static final long NOSEQ = -1L;
    private static final long SEQINC = -2L;
    private static final int DEAD = 0;
    private static final int RUNNABLE = 1;
    private static final int RUNNING = 2;
    private static final int WAITING = 3;

    private final V1Reader.Events ev;
    private final int[][] queue;
    private final int[] head;
    private final List<String> warnings;
    private final LongIntMap slot = new LongIntMap();
    private long[] gSeq = new long[64];
    private int[] gStatus = new int[64];
    private int gCount;

    private long g;
    private long initSeq;
    private int initStatus;
    private long nextSeq;
    private int nextStatus;

    V1Ordering(V1Reader.Events ev, int[][] queue, List<String> warnings) {
        this.ev = ev;
        this.queue = queue;
        this.head = new int[queue.length];
        this.warnings = warnings;
    }

    int[] merge(CancelPoll poll) throws ReadStopped {
        int[] out = new int[ev.size];
        int n = 0;
        int[] available = new int[queue.length];
        int avail = 0;
        for (int s = 0; s < queue.length; s++) {
            available[avail++] = s;
        }
        int[] heapEv = new int[queue.length];
        int[] heapProc = new int[queue.length];
        int heap = 0;
        boolean forced = false;
        while (true) {
            poll.step("while ordering the events");
            for (int i = 0; i < avail; i++) {
                int s = available[i];
                if (head[s] == queue[s].length) {
                    available[i--] = available[--avail];
                    continue;
                }
                int e = queue[s][head[s]];
                transitionOf(e);
                if (!ready(e)) {
                    continue;
                }
                head[s]++;
                available[i--] = available[--avail];
                heapEv[heap] = e;
                heapProc[heap] = s;
                up(heapEv, heapProc, heap++);
            }
            if (heap == 0) {
                int s = earliestHead();
                if (s < 0) {
                    break;
                }
                if (!forced) {
                    warnings.add("goroutine events could not all be put in a consistent order (Go's parser refuses "
                            + "this trace); some were placed by time alone");
                    forced = true;
                }
                int e = queue[s][head[s]++];
                removeAvailable(available, avail, s);
                avail--;
                heapEv[0] = e;
                heapProc[0] = s;
                heap = 1;
            }
            int e = heapEv[0];
            int s = heapProc[0];
            heap--;
            heapEv[0] = heapEv[heap];
            heapProc[0] = heapProc[heap];
            down(heapEv, heapProc, heap);
            transitionOf(e);
            apply();
            int t = ev.type[e];
            if (t == GO_START_LOCAL) {
                ev.type[e] = GO_START;
            } else if (t == GO_UNBLOCK_LOCAL) {
                ev.type[e] = GO_UNBLOCK;
            } else if (t == GO_SYS_EXIT_LOCAL) {
                ev.type[e] = GO_SYS_EXIT;
            }
            out[n++] = e;
            available[avail++] = s;
        }
        return Arrays.copyOf(out, n);
    }

    private static void removeAvailable(int[] available, int avail, int s) {
        for (int i = 0; i < avail; i++) {
            if (available[i] == s) {
                available[i] = available[avail - 1];
                return;
            }
        }
    }

    private int earliestHead() {
        int best = -1;
        for (int s = 0; s < queue.length; s++) {
            if (head[s] < queue[s].length && (best < 0 || ev.ts[queue[s][head[s]]] < ev.ts[queue[best][head[best]]])) {
                best = s;
            }
        }
        return best;
    }

    private void up(int[] he, int[] hp, int j) {
        while (j > 0) {
            int i = (j - 1) / 2;
            if (ev.ts[he[j]] >= ev.ts[he[i]]) {
                break;
            }
            swap(he, hp, i, j);
            j = i;
        }
    }

    private void down(int[] he, int[] hp, int n) {
        int i = 0;
        while (true) {
            int j = 2 * i + 1;
            if (j >= n) {
                return;
            }
            if (j + 1 < n && ev.ts[he[j + 1]] < ev.ts[he[j]]) {
                j++;
            }
            if (ev.ts[he[j]] >= ev.ts[he[i]]) {
                return;
            }
            swap(he, hp, i, j);
            i = j;
        }
    }

    private static void swap(int[] he, int[] hp, int i, int j) {
        int t = he[i];
        he[i] = he[j];
        he[j] = t;
        t = hp[i];
        hp[i] = hp[j];
        hp[j] = t;
    }

    /** Sets g, init and next for event {@code e} (Go's v1 stateTransition). */
    private void transitionOf(int e) {
        int t = ev.type[e];
        switch (t) {
            case GO_CREATE -> set(ev.arg(e, 0), 0, DEAD, 1, RUNNABLE);
            case GO_WAITING, GO_IN_SYSCALL -> set(ev.g[e], 1, RUNNABLE, 2, WAITING);
            case GO_START, GO_START_LABEL -> set(ev.g[e], ev.arg(e, 1), RUNNABLE, ev.arg(e, 1) + 1, RUNNING);
            case GO_START_LOCAL -> set(ev.g[e], NOSEQ, RUNNABLE, SEQINC, RUNNING);
            case GO_BLOCK, GO_BLOCK_SEND, GO_BLOCK_RECV, GO_BLOCK_SELECT, GO_BLOCK_SYNC, GO_BLOCK_COND, GO_BLOCK_NET,
                    GO_SLEEP, GO_SYS_BLOCK, GO_BLOCK_GC -> set(ev.g[e], NOSEQ, RUNNING, NOSEQ, WAITING);
            case GO_SCHED, GO_PREEMPT -> set(ev.g[e], NOSEQ, RUNNING, NOSEQ, RUNNABLE);
            case GO_UNBLOCK, GO_SYS_EXIT -> set(ev.arg(e, 0), ev.arg(e, 1), WAITING, ev.arg(e, 1) + 1, RUNNABLE);
            case GO_UNBLOCK_LOCAL, GO_SYS_EXIT_LOCAL -> set(ev.arg(e, 0), NOSEQ, WAITING, SEQINC, RUNNABLE);
            case GC_START -> set(GARBAGE, ev.arg(e, 0), DEAD, ev.arg(e, 0) + 1, DEAD);
            default -> g = UNORDERED;
        }
    }

    private void set(long goroutine, long iSeq, int iStatus, long nSeq, int nStatus) {
        g = goroutine;
        initSeq = iSeq;
        initStatus = iStatus;
        nextSeq = nSeq;
        nextStatus = nStatus;
    }

    private boolean ready(int e) {
        if (g == UNORDERED) {
            return true;
        }
        int s = slot.get(g);
        long seq = s < 0 ? 0 : gSeq[s];
        int status = s < 0 ? DEAD : gStatus[s];
        return (initSeq == NOSEQ || initSeq == seq) && initStatus == status;
    }

    private void apply() {
        if (g == UNORDERED) {
            return;
        }
        int s = slot.get(g);
        if (s < 0) {
            if (gCount == gSeq.length) {
                gSeq = Arrays.copyOf(gSeq, gCount * 2);
                gStatus = Arrays.copyOf(gStatus, gCount * 2);
            }
            s = gCount++;
            slot.put(g, s);
        }
        long cur = gSeq[s];
        gSeq[s] = nextSeq == NOSEQ ? cur : nextSeq == SEQINC ? cur + 1 : nextSeq;
        gStatus[s] = nextStatus;
    }
}
