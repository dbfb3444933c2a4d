package dev.goroscope.importers.schedtrace;

import static dev.goroscope.importers.schedtrace.SchedFields.ascii;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.support.ByteSliceTable;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.LineReader;
import dev.goroscope.importers.support.ReadErrors;
import dev.goroscope.importers.support.TextDecoding;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.series.SchedTrace;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code GODEBUG=schedtrace=X[,scheddetail=1]} output (FORMATS.md §4): one tick per {@code SCHED Nms:} line with
 * its scheduler counters, and with scheddetail the P, M and G lines that follow it, of which the P run queues and
 * the G states are kept. The log usually comes from a program's stderr, so any other line (even one a SCHED line
 * was glued onto) is skipped. A SCHED, P or G line missing its fields is an error naming the line: the log was cut
 * off or is not schedtrace output.
 */
public final class SchedTraceImporter implements Importer {
    private static final byte[] SCHED = ascii("SCHED ");
    private static final byte[][] SCHED_KEYS = {null, ascii("gomaxprocs"), ascii("idleprocs"), ascii("threads"),
        ascii("spinningthreads"), ascii("needspinning"), ascii("idlethreads"), ascii("runqueue")};
    private static final boolean[] REQUIRED = {true, true, true, true, true, false, true, true};
    private static final byte[] GCWAITING = ascii("gcwaiting");
    private static final byte[] SYSMONWAIT = ascii("sysmonwait");
    private static final byte[] RUNQSIZE = ascii("runqsize");
    private static final byte[] M = ascii("m");
    private static final byte[] LOCKEDM = ascii("lockedm");
    private static final int SCAN_BIT = 0x1000;

    @Override
    public String name() {
        return "GODEBUG=schedtrace log";
    }

    /** A {@code SCHED <n>ms: gomaxprocs=} line anywhere in the first bytes. */
    @Override
    public Confidence sniff(byte[] head, int length) {
        byte[] text = TextDecoding.utf8Head(head, length);
        for (int i = indexOf(text, 0, text.length); i >= 0; i = indexOf(text, i + 1, text.length)) {
            int p = i + SCHED.length;
            int digits = p;
            while (digits < text.length && text[digits] >= '0' && text[digits] <= '9') {
                digits++;
            }
            if (digits > p && startsWith(text, digits, text.length, ascii("ms: gomaxprocs="))) {
                return Confidence.YES;
            }
        }
        return Confidence.NO;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String file = source.name();
        try (InputStream in = TextDecoding.utf8(source.open())) {
            return new Reader(file, new LineReader(file, in, source.limits())).read(
                    new Checkpoint(progress, file, source.length()));
        } catch (IOException e) {
            throw ReadErrors.cannotRead(file, "", e);
        }
    }

    /** The state of one read. */
    private static final class Reader {
        private final String file;
        private final LineReader lines;
        private final SchedFields fields = new SchedFields();
        private final SchedTraceBuilder ticks = new SchedTraceBuilder();
        private final ByteSliceTable reasons = new ByteSliceTable();
        private final long[] values = new long[SchedTraceBuilder.COLUMNS];
        private boolean detail;
        private long otherLines;
        private long unknownStatus;
        private long timeWentBack;
        private long lastTime;
        private int knownReasons;

        Reader(String file, LineReader lines) {
            this.file = file;
            this.lines = lines;
        }

        Dataset read(Checkpoint checkpoint) throws IOException, ImportException {
            LongSupplier done = lines::bytesRead;
            while (lines.next()) {
                checkpoint.tick(done);
                byte[] b = lines.buffer();
                int s = lines.start();
                int e = lines.end();
                int sched = schedLine(b, s, e);
                if (sched >= 0) {
                    sched(b, sched + SCHED.length, e);
                } else if (detail && e - s > 4 && b[s] == ' ' && b[s + 1] == ' ' && idColon(b, s + 3, e) > 0
                        && (b[s + 2] == 'P' || b[s + 2] == 'M' || b[s + 2] == 'G')) {
                    int rest = idColon(b, s + 3, e);
                    if (b[s + 2] == 'P') {
                        proc(b, rest, e);
                    } else if (b[s + 2] == 'G') {
                        goroutine(b, rest, e);
                    }
                } else {
                    otherLines++;
                }
            }
            if (ticks.ticks() == 0) {
                if (lines.lineNumber() == 0) {
                    throw ImportException.atByte(file, 0, "the file is empty");
                }
                throw ImportException.atLine(file, 1, "no SCHED line found (expected GODEBUG=schedtrace output "
                        + "such as \"SCHED 0ms: gomaxprocs=8 idleprocs=6 …\")");
            }
            SchedTrace trace = ticks.build();
            return Dataset.ofSchedTrace(file, trace.detailed() ? "GODEBUG=schedtrace with scheddetail=1"
                    : "GODEBUG=schedtrace", null, warnings(), trace);
        }

        private List<String> warnings() {
            List<String> w = new ArrayList<>();
            if (otherLines > 0) {
                w.add(otherLines + " line(s) of other program output were skipped");
            }
            if (timeWentBack > 0) {
                w.add("the time went back " + timeWentBack + " time(s): the log may hold several runs");
            }
            if (unknownStatus > 0) {
                w.add(unknownStatus + " G line(s) with an unknown status were not counted");
            }
            return w;
        }

        /** {@code SCHED <ms>ms: fields…} from just after "SCHED ". */
        private void sched(byte[] b, int p, int e) throws ImportException {
            int ms = p;
            while (ms < e && b[ms] >= '0' && b[ms] <= '9') {
                ms++;
            }
            if (!fields.parseLongAt(b, p, ms) || !startsWith(b, ms, e, ascii("ms:"))) {
                throw error("a SCHED line must start \"SCHED <n>ms:\"");
            }
            Arrays.fill(values, -1);
            values[SchedTraceBuilder.TIME] = fields.value;
            boolean group = false;
            boolean gcwaiting = false;
            boolean sysmonwait = false;
            fields.reset(b, ms + 3, e);
            for (SchedFields.Token t = fields.next(); t != SchedFields.Token.END; t = fields.next()) {
                if (t == SchedFields.Token.BAD) {
                    throw error(fields.problem);
                }
                if (t == SchedFields.Token.GROUP) {
                    if (!fields.keyedGroup && !group) {
                        values[SchedTraceBuilder.LOCAL_RUN_QUEUES] = fields.groupSum;
                        group = true;
                    }
                    continue;
                }
                for (int c = 1; c < SCHED_KEYS.length; c++) {
                    if (fields.keyIs(SCHED_KEYS[c])) {
                        values[c] = fields.value;
                    }
                }
                gcwaiting |= fields.keyIs(GCWAITING);
                sysmonwait |= fields.keyIs(SYSMONWAIT);
            }
            for (int c = 1; c < SCHED_KEYS.length; c++) {
                if (REQUIRED[c] && values[c] < 0) {
                    throw error("the SCHED line has no " + new String(SCHED_KEYS[c]) + "= (cut off?)");
                }
            }
            if (gcwaiting && !sysmonwait) {
                throw error("the scheddetail SCHED line has no sysmonwait= (cut off?)");
            }
            if (!gcwaiting && !group) {
                throw error("the SCHED line has no [run queue] list (cut off?)");
            }
            if (ticks.ticks() > 0 && values[SchedTraceBuilder.TIME] < lastTime) {
                timeWentBack++;
            }
            lastTime = values[SchedTraceBuilder.TIME];
            detail = gcwaiting;
            ticks.addTick(values, detail);
        }

        /** {@code P<id>: status=… runqsize=N …}: adds the P's run queue to the tick. */
        private void proc(byte[] b, int p, int e) throws ImportException {
            fields.reset(b, p, e);
            long runq = -1;
            for (SchedFields.Token t = fields.next(); t != SchedFields.Token.END; t = fields.next()) {
                if (t == SchedFields.Token.BAD) {
                    throw error(fields.problem);
                }
                if (t == SchedFields.Token.FIELD && fields.keyIs(RUNQSIZE)) {
                    runq = fields.value;
                }
            }
            if (runq < 0) {
                throw error("the P line has no runqsize= (cut off?)");
            }
            ticks.addLocalRunQueue(runq);
        }

        /** {@code G<id>: status=N(reason) m=… lockedm=…}: counts the goroutine in the tick. */
        private void goroutine(byte[] b, int p, int e) throws ImportException {
            int q = p;
            while (q < e && b[q] == ' ') {
                q++;
            }
            if (!startsWith(b, q, e, ascii("status="))) {
                throw error("the G line has no status=");
            }
            int num = q + "status=".length();
            int numEnd = num;
            while (numEnd < e && b[numEnd] >= '0' && b[numEnd] <= '9') {
                numEnd++;
            }
            if (!fields.parseLongAt(b, num, numEnd)) {
                throw error("the G line's status is not a number");
            }
            int status = (int) (fields.value & (SCAN_BIT - 1));
            int reasonStart = -1;
            int reasonEnd = -1;
            int after = numEnd;
            if (numEnd < e && b[numEnd] == '(') {
                reasonStart = numEnd + 1;
                int depth = 1;
                int i = reasonStart;
                for (; i < e && depth > 0; i++) {
                    depth += b[i] == '(' ? 1 : b[i] == ')' ? -1 : 0;
                }
                if (depth > 0) {
                    throw error("the G line's wait reason is not closed (cut off?)");
                }
                reasonEnd = i - 1;
                after = i;
            }
            boolean m = false;
            boolean lockedm = false;
            fields.reset(b, after, e);
            for (SchedFields.Token t = fields.next(); t != SchedFields.Token.END; t = fields.next()) {
                if (t == SchedFields.Token.BAD) {
                    throw error(fields.problem);
                }
                m |= fields.keyIs(M);
                lockedm |= fields.keyIs(LOCKEDM);
            }
            if (!m || !lockedm) {
                throw error("the G line has no " + (m ? "lockedm=" : "m=") + " (cut off?)");
            }
            int state = state(status);
            if (state == Integer.MIN_VALUE) {
                unknownStatus++;
                return;
            }
            int reason = -1;
            if (state == GoroutineState.WAITING.ordinal() && reasonEnd > reasonStart) {
                reason = reasons.intern(b, reasonStart, reasonEnd);
                if (reason == knownReasons) {
                    ticks.reason(reasons.string(reason));
                    knownReasons++;
                }
            }
            ticks.countGoroutine(state, reason);
        }

        private ImportException error(String problem) {
            return ImportException.atLine(file, lines.lineNumber(), problem);
        }
    }

    /**
     * The runtime's G status (scan bit removed) as a {@link GoroutineState} ordinal, {@link SchedTraceBuilder#DEAD},
     * or Integer.MIN_VALUE for a status the runtime never prints. Copystack counts as running and preempted as
     * runnable, as in a dump header.
     */
    static int state(int status) {
        return switch (status) {
            case 0 -> GoroutineState.IDLE.ordinal();
            case 1, 9 -> GoroutineState.RUNNABLE.ordinal();
            case 2, 8 -> GoroutineState.RUNNING.ordinal();
            case 3 -> GoroutineState.SYSCALL.ordinal();
            case 4 -> GoroutineState.WAITING.ordinal();
            case 6 -> SchedTraceBuilder.DEAD;
            default -> Integer.MIN_VALUE;
        };
    }

    /** Where "SCHED " starts a SCHED line in {@code b[s..e)} (at its start or glued after other output), or -1. */
    static int schedLine(byte[] b, int s, int e) {
        for (int i = indexOf(b, s, e); i >= 0; i = indexOf(b, i + 1, e)) {
            int p = i + SCHED.length;
            if (p < e && b[p] >= '0' && b[p] <= '9') {
                return i;
            }
        }
        return -1;
    }

    /** After {@code <digits>:} at {@code p}, the index past the colon; else -1. */
    private static int idColon(byte[] b, int p, int e) {
        int i = p;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i > p && i < e && b[i] == ':' ? i + 1 : -1;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i + SCHED.length <= to; i++) {
            if (b[i] == 'S' && startsWith(b, i, to, SCHED)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
