package dev.goroscope.importers.trace.v1;

import static dev.goroscope.importers.trace.v1.V1Events.*;

import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.trace.CancelPoll;
import dev.goroscope.importers.trace.LongIntMap;
import dev.goroscope.importers.trace.ReadStopped;
import dev.goroscope.importers.trace.TraceFormatException;
import dev.goroscope.importers.trace.TraceInput;
import dev.goroscope.importers.trace.Varints;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a v1 execution trace (Go 1.5–1.21) after its header. The whole trace is decoded into columns first (the
 * frequency, strings and stacks come last in the file), then put in order as Go's parser did (by the global
 * sequence number up to 1.6; from 1.7 by merging the Ps' event lists under the goroutine sequence rules), sorted
 * by time, timed in nanoseconds from the first event, and replayed into a timeline by {@link V1Replay}.
 */
public final class V1Reader {
    /** Refuse traces with more events than this rather than run out of memory. */
    static final int MAX_EVENTS = 50_000_000;
    private static final int MAX_STRING = 1_000_000;
    private static final int MAX_LENGTH_PREFIXED = 2048;
    private static final int MAX_FRAMES = 1000;
    private static final long NO_P = -1;
    private static final String ORDERING = "while ordering the events";
    private static final int PROFILE_P = 1_000_005;

    private final int minor;
    private final int maxStrings;
    private final List<String> warnings = new ArrayList<>();
    private final int[] len = new int[1];
    private final Events ev = new Events();
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, long[]> stacks = new HashMap<>();
    private final Map<Integer, String> logValues = new HashMap<>();
    private long ticksPerSec;

    /**
     * @param minor      the header's Go minor version (5..21)
     * @param maxStrings the most strings the trace may define (the import's limit)
     */
    public V1Reader(int minor, int maxStrings) {
        this.minor = minor;
        this.maxStrings = maxStrings;
    }

    /**
     * What was read.
     *
     * @param timeline the events in order, or null when nothing could be timed
     * @param events   how many events (as {@code go tool trace -d} lists them)
     * @param problem  why decoding stopped early, or null
     * @param warnings what the user should know besides (events that could not be ordered, ...)
     */
    public record Result(Timeline timeline, long events, TraceFormatException problem, List<String> warnings) {
    }

    /**
     * Reads everything after the header from {@code in}, polling {@code poll} while ordering and replaying.
     *
     * @throws ReadStopped when cancelled, or when the trace defines more strings than allowed
     */
    public Result read(TraceInput in, CancelPoll poll) throws IOException {
        TraceFormatException problem = null;
        try {
            decode(in);
        } catch (TraceFormatException e) {
            problem = e;
        }
        if (ev.size == 0) {
            return new Result(null, 0, problem != null ? problem
                    : new TraceFormatException(in.offset(), "the trace has no events"), warnings);
        }
        if (ticksPerSec <= 0) {
            String why = "the trace has no frequency event (Go writes it near the end; the file may be cut short), so"
                    + " no event can be timed";
            return new Result(null, 0, problem != null
                    ? new TraceFormatException(problem.offset(), problem.getMessage() + "; " + why)
                    : new TraceFormatException(in.offset(), why), warnings);
        }
        poll.now(ORDERING);
        int[] order = minor < 7 ? orderBySequence() : orderByProcs(poll);
        poll.now(ORDERING);
        order = fixSyscallExitsAndSort(order);
        poll.now(ORDERING);
        double nsPerTick = 1e9 / (double) ticksPerSec;
        long minTs = ev.ts[order[0]];
        for (int i : order) {
            ev.ts[i] = (long) ((double) (ev.ts[i] - minTs) * nsPerTick);
        }
        TimelineBuilder b = new TimelineBuilder();
        new V1Replay(b, minor, ev, order, strings, stacks, logValues).run(poll);
        Timeline t = b.build(ev.ts[order[0]], ev.ts[order[order.length - 1]]);
        return new Result(t, order.length, problem, warnings);
    }

    // ---- decoding ----

    private void decode(TraceInput in) throws IOException, TraceFormatException {
        long lastTs = 0;
        long lastSeq = 0;
        long lastP = NO_P;
        long lastG = 0;
        boolean sawBatch = false;
        Map<Long, Long> lastGs = new HashMap<>();
        long[] args = new long[8 + 4 * MAX_FRAMES];
        byte[] buf = new byte[MAX_LENGTH_PREFIXED];
        while (true) {
            long off = in.offset();
            int b = in.read();
            if (b < 0) {
                return;
            }
            int type = b & 0x3f;
            int k = b >> 6;
            if (!known(type, minor)) {
                throw new TraceFormatException(off, "unknown event type " + type + " for trace format go 1." + minor);
            }
            if (type == STRING) {
                readString(in, off);
                continue;
            }
            int n;
            if (k < 3) {
                n = k + (minor < 7 ? 2 : 1);
                for (int i = 0; i < n; i++) {
                    args[i] = in.readUvarint(name(type));
                }
            } else {
                long length = in.readUvarint(name(type));
                if (length < 0 || length > (type == STACK ? args.length * 10L : MAX_LENGTH_PREFIXED)) {
                    throw new TraceFormatException(off, name(type) + " of " + Long.toUnsignedString(length)
                            + " bytes is over the limit");
                }
                if (buf.length < length) {
                    buf = new byte[(int) length];
                }
                if (in.readFully(buf, 0, (int) length) != length) {
                    throw new TraceFormatException(off, "file ends inside " + name(type));
                }
                n = 0;
                for (int p = 0; p < length; ) {
                    if (n == args.length) {
                        throw new TraceFormatException(off, name(type) + " has too many arguments");
                    }
                    args[n++] = Varints.uvarint(buf, p, (int) length, len);
                    if (len[0] <= 0) {
                        throw new TraceFormatException(off, "bad varint in " + name(type));
                    }
                    p += len[0];
                }
            }
            String logValue = null;
            if (type == USER_LOG) {
                long sl = in.readUvarint("a log message");
                if (sl < 0 || sl > MAX_STRING) {
                    throw new TraceFormatException(off, "log message of " + Long.toUnsignedString(sl) + " bytes");
                }
                byte[] s = new byte[(int) sl];
                if (in.readFully(s, 0, s.length) != s.length) {
                    throw new TraceFormatException(off, "file ends inside a log message");
                }
                logValue = new String(s, StandardCharsets.UTF_8);
            }
            if (type != STACK && n != argNum(type, minor)) {
                throw new TraceFormatException(off, name(type) + " has " + n + " arguments, want " + argNum(type, minor));
            }
            if (type != BATCH && !sawBatch) {
                throw new TraceFormatException(off, name(type) + " before the first batch");
            }
            switch (type) {
                case BATCH -> {
                    sawBatch = true;
                    lastGs.put(lastP, lastG);
                    long p = args[0];
                    if (p != -1 && (p < 0 || p > Integer.MAX_VALUE)) {
                        throw new TraceFormatException(off, "processor id " + Long.toUnsignedString(p) + " is too large");
                    }
                    lastP = p;
                    lastG = lastGs.getOrDefault(p, 0L);
                    lastTs = minor < 7 ? args[2] : args[1];
                    lastSeq = minor < 7 ? args[1] : 0;
                }
                case FREQUENCY -> {
                    ticksPerSec = args[0];
                    if (ticksPerSec <= 0) {
                        throw new TraceFormatException(off, "frequency " + Long.toUnsignedString(args[0]) + " is not positive");
                    }
                }
                case TIMER_GOROUTINE -> {
                }
                case STACK -> readStack(args, n, off);
                case CPU_SAMPLE -> ev.add(CPU_SAMPLE, PROFILE_P, args[1], args[3], 0, args[4], args, 1, 0);
                default -> {
                    int argOffset = minor < 7 ? 2 : 1;
                    long ts = lastTs + (minor < 7 ? args[1] : args[0]);
                    lastTs = ts;
                    long seq = 0;
                    if (minor < 7) {
                        seq = lastSeq + args[0];
                        lastSeq = seq;
                    }
                    int nArgs = n - argOffset - (hasStack(type) ? 1 : 0);
                    long stk = hasStack(type) ? args[n - 1] : 0;
                    long g = lastG;
                    switch (type) {
                        case GO_START, GO_START_LOCAL, GO_START_LABEL -> {
                            lastG = args[argOffset];
                            g = lastG;
                        }
                        case GO_END, GO_STOP, GO_SCHED, GO_PREEMPT, GO_SLEEP, GO_BLOCK, GO_BLOCK_SEND, GO_BLOCK_RECV,
                                GO_BLOCK_SELECT, GO_BLOCK_SYNC, GO_BLOCK_COND, GO_BLOCK_NET, GO_SYS_BLOCK,
                                GO_BLOCK_GC -> lastG = 0;
                        case GO_SYS_EXIT, GO_WAITING, GO_IN_SYSCALL -> g = args[argOffset];
                        default -> {
                        }
                    }
                    int i = ev.add(type, (int) lastP, ts, g, seq, stk, args, argOffset, Math.min(nArgs, 4));
                    if (logValue != null) {
                        logValues.put(i, logValue);
                    }
                }
            }
            if (ev.size > MAX_EVENTS) {
                throw new TraceFormatException(off, "more than " + MAX_EVENTS + " events; the trace is too large");
            }
        }
    }

    private void readString(TraceInput in, long off) throws IOException, TraceFormatException {
        if (strings.size() == maxStrings) {
            throw ReadStopped.overLimit(off, ImportLimits.tooManyStringsProblem(maxStrings));
        }
        long id = in.readUvarint("a string");
        long n = in.readUvarint("a string");
        if (id == 0) {
            throw new TraceFormatException(off, "string has invalid id 0");
        }
        if (n <= 0 || n > MAX_STRING) {
            throw new TraceFormatException(off, "string of " + Long.toUnsignedString(n) + " bytes");
        }
        byte[] s = new byte[(int) n];
        if (in.readFully(s, 0, s.length) != s.length) {
            throw new TraceFormatException(off, "file ends inside a string");
        }
        if (strings.putIfAbsent(id, new String(s, StandardCharsets.UTF_8)) != null) {
            throw new TraceFormatException(off, "string id " + id + " defined twice");
        }
    }

    private void readStack(long[] args, int n, long off) throws TraceFormatException {
        if (n < 2) {
            throw new TraceFormatException(off, "Stack has " + n + " arguments");
        }
        long frames = args[1];
        int per = minor < 7 ? 1 : 4;
        if (frames < 0 || frames > MAX_FRAMES || n != 2 + per * frames) {
            throw new TraceFormatException(off, "Stack has a bad frame count " + Long.toUnsignedString(frames));
        }
        if (args[0] != 0 && frames > 0) {
            stacks.put(args[0], Arrays.copyOfRange(args, 2, n));
        }
    }

    // ---- ordering ----

    private int[] orderBySequence() {
        Integer[] idx = new Integer[ev.size];
        for (int i = 0; i < ev.size; i++) {
            idx[i] = i;
            if (ev.type[i] == GO_SYS_EXIT) {
                ev.seq[i] = ev.arg(i, 1);
                if (ev.arg(i, 2) != 0) {
                    ev.ts[i] = ev.arg(i, 2);
                }
            }
        }
        Arrays.sort(idx, (a, b) -> Long.compare(ev.seq[a], ev.seq[b]));
        int[] order = new int[idx.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = idx[i];
        }
        return order;
    }

    /** Go 1.7+: merge the Ps' lists, taking next the earliest event whose goroutine sequence rules allow it. */
    private int[] orderByProcs(CancelPoll poll) throws ReadStopped {
        Map<Integer, int[]> byP = new HashMap<>();
        int[] counts = new int[0];
        Map<Integer, Integer> slotOfP = new HashMap<>();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < ev.size; i++) {
            int s = slotOfP.computeIfAbsent(ev.p[i], k -> {
                pids.add(k);
                return pids.size() - 1;
            });
            if (s >= counts.length) {
                counts = Arrays.copyOf(counts, s + 8);
            }
            counts[s]++;
        }
        int procs = pids.size();
        int[][] queue = new int[procs][];
        for (int s = 0; s < procs; s++) {
            queue[s] = new int[counts[s]];
        }
        int[] fill = new int[procs];
        for (int i = 0; i < ev.size; i++) {
            int s = slotOfP.get(ev.p[i]);
            queue[s][fill[s]++] = i;
        }
        Integer profile = slotOfP.get(PROFILE_P);
        if (profile != null) {
            int[] q = queue[profile];
            Integer[] boxed = Arrays.stream(q).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> Long.compare(ev.ts[a], ev.ts[b]));
            for (int k = 0; k < q.length; k++) {
                q[k] = boxed[k];
            }
        }
        return new V1Ordering(ev, queue, warnings).merge(poll);
    }

    private int[] fixSyscallExitsAndSort(int[] order) {
        for (int k = 1; k < order.length; k++) {
            if (ev.ts[order[k]] < ev.ts[order[k - 1]]) {
                warnings.add("time stamps out of order (Go's parser refuses this trace); events sorted by time");
                break;
            }
        }
        LongIntMap lastBlock = new LongIntMap();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            int t = ev.type[i];
            if (t == GO_SYS_BLOCK || t == GO_IN_SYSCALL) {
                lastBlock.put(ev.g[i], k);
            } else if (t == GO_SYS_EXIT && minor >= 7) {
                long real = ev.arg(i, 2);
                int block = lastBlock.get(ev.g[i]);
                if (real != 0 && block >= 0 && real >= ev.ts[order[block]]) {
                    ev.ts[i] = real;
                }
            }
        }
        Integer[] idx = new Integer[order.length];
        for (int k = 0; k < order.length; k++) {
            idx[k] = order[k];
        }
        Arrays.sort(idx, (a, b) -> Long.compare(ev.ts[a], ev.ts[b]));
        int[] out = new int[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = idx[k];
        }
        return out;
    }

    /** Events as columns, in file order. */
    static final class Events {
        int size;
        byte[] type = new byte[1024];
        int[] p = new int[1024];
        long[] ts = new long[1024];
        long[] g = new long[1024];
        long[] seq = new long[1024];
        long[] stk = new long[1024];
        long[] args = new long[4 * 1024];

        int add(int t, int proc, long time, long goroutine, long sequence, long stack, long[] a, int from, int count) {
            if (size == type.length) {
                int n = size + (size >> 1);
                type = Arrays.copyOf(type, n);
                p = Arrays.copyOf(p, n);
                ts = Arrays.copyOf(ts, n);
                g = Arrays.copyOf(g, n);
                seq = Arrays.copyOf(seq, n);
                stk = Arrays.copyOf(stk, n);
                args = Arrays.copyOf(args, 4 * n);
            }
            type[size] = (byte) t;
            p[size] = proc;
            ts[size] = time;
            g[size] = goroutine;
            seq[size] = sequence;
            stk[size] = stack;
            for (int k = 0; k < 4; k++) {
                args[4 * size + k] = k < count ? a[from + k] : 0;
            }
            return size++;
        }

        long arg(int i, int k) {
            return args[4 * i + k];
        }
    }
}
