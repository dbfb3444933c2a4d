package dev.goroscope.importers.schedtrace;

import static dev.goroscope.model.goroutine.GoroutineState.IDLE;
import static dev.goroscope.model.goroutine.GoroutineState.RUNNABLE;
import static dev.goroscope.model.goroutine.GoroutineState.RUNNING;
import static dev.goroscope.model.goroutine.GoroutineState.SYSCALL;
import static dev.goroscope.model.goroutine.GoroutineState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer.Confidence;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.series.GoroutineCounts;
import dev.goroscope.model.series.SchedTrace;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected figures from the captures' truth.json (corpus/go1.19/mixed-small, samples/captures/go1.26). */
class SchedTraceImporterTest {
    private final SchedTraceImporter importer = new SchedTraceImporter();

    private Dataset read(String resource) throws ImportException {
        return importer.read(TestFiles.source("schedtrace/" + resource), Progress.NONE);
    }

    @Test
    void go119PlainLog() throws ImportException {
        Dataset d = read("go1.19/schedtrace-plain.txt");
        assertThat(d.format()).isEqualTo("GODEBUG=schedtrace");
        assertThat(d.warnings()).isEmpty();
        SchedTrace s = d.schedTrace();
        assertThat(s.ticks()).isEqualTo(12);
        assertThat(s.detailed()).isFalse();
        assertThat(s.timeMs()).containsExactly(0, 200, 400, 605, 806, 1010, 1217, 1418, 1618, 1818, 2020, 2220);
        assertThat(s.localRunQueues()).containsExactly(0, 1, 0, 6, 3, 2, 1, 0, 2, 0, 5, 3);
        assertThat(s.gomaxprocs()).containsOnly(2);
        assertThat(s.threads()).containsExactly(3, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8);
        assertThat(s.spinningThreads()).startsWith(1, 0, 0);
        assertThat(s.idleThreads()).startsWith(0, 1, 1, 2);
        assertThat(s.globalRunQueue()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
        assertThat(s.needSpinning()).as("needspinning= came with Go 1.20").containsOnly(-1);
        assertThat(s.runnable(3)).isEqualTo(6);
    }

    @Test
    void go119DetailedLogCountsGoroutinesPerTick() throws ImportException {
        Dataset d = read("go1.19/schedtrace.txt");
        assertThat(d.format()).isEqualTo("GODEBUG=schedtrace with scheddetail=1");
        SchedTrace s = d.schedTrace();
        assertThat(s.ticks()).isEqualTo(12);
        assertThat(s.timeMs()[11]).isEqualTo(2236);
        assertThat(s.localRunQueues()).as("sum of the P lines' runqsize")
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 5, 0, 5, 3, 3);
        GoroutineCounts g = s.goroutines();
        assertThat(g.listed(0)).isEqualTo(2);
        assertThat(g.count(RUNNING, 0)).isEqualTo(1);
        assertThat(g.count(RUNNABLE, 0)).isEqualTo(1);
        // truth.json: snapshot 10 has 64 G lines with these statuses.
        assertThat(g.listed(10)).isEqualTo(64);
        assertThat(g.count(RUNNING, 10)).isEqualTo(1);
        assertThat(g.count(SYSCALL, 10)).isEqualTo(2);
        assertThat(g.count(WAITING, 10)).isEqualTo(61);
        assertThat(g.count(IDLE, 10)).isZero();
        assertThat(g.dead()[10]).isZero();
        Map<String, Integer> waiting = Map.ofEntries(Map.entry("chan receive", 18), Map.entry("sleep", 12),
                Map.entry("semacquire", 8), Map.entry("IO wait", 4), Map.entry("chan send", 4), Map.entry("select", 3),
                Map.entry("chan receive (nil chan)", 2), Map.entry("sync.Cond.Wait", 2),
                Map.entry("GC worker (idle)", 2), Map.entry("force gc (idle)", 1), Map.entry("GC sweep wait", 1),
                Map.entry("GC scavenge wait", 1), Map.entry("finalizer wait", 1), Map.entry("chan send (nil chan)", 1),
                Map.entry("select (no cases)", 1));
        waiting.forEach((reason, n) -> assertThat(g.waiting(reason, 10)).as(reason).isEqualTo(n));
        assertThat(waiting.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(61);
        assertThat(g.count(RUNNABLE, 11)).as("status=1(sleep): a stale reason on a runnable G").isEqualTo(2);
        assertThat(g.waiting("sleep", 11)).isEqualTo(9);
    }

    @Test
    void go126PlainLogWithSpacedBracketsAndSchedticks() throws ImportException {
        SchedTrace s = read("go1.26/schedtrace.txt").schedTrace();
        assertThat(s.ticks()).isEqualTo(12);
        assertThat(s.timeMs()).containsExactly(0, 101, 201, 303, 409, 539, 646, 748, 860, 968, 1117, 1228);
        assertThat(s.localRunQueues()).containsExactly(0, 1, 0, 0, 0, 0, 1, 0, 1, 4, 0, 3);
        assertThat(s.needSpinning()).startsWith(0, 1, 0);
        assertThat(s.threads()).containsExactly(3, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7);
    }

    @Test
    void go126DetailedLogLastSnapshot() throws ImportException {
        SchedTrace s = read("go1.26/schedtrace-detail.txt").schedTrace();
        assertThat(s.ticks()).isEqualTo(7);
        assertThat(s.timeMs()).containsExactly(0, 207, 415, 617, 839, 1045, 1247);
        assertThat(s.localRunQueues()).containsExactly(2, 0, 1, 0, 0, 0, 0);
        GoroutineCounts g = s.goroutines();
        int last = 6;
        // truth.json: 83 live G lines in the last snapshot; its per-status figures.
        assertThat(g.listed(last)).isEqualTo(83);
        assertThat(g.dead()[last]).isZero();
        assertThat(g.count(SYSCALL, last)).isEqualTo(1);
        assertThat(g.count(RUNNING, last)).isEqualTo(1);
        Map<String, Integer> waiting = Map.ofEntries(Map.entry("sleep", 13), Map.entry("force gc (idle)", 1),
                Map.entry("GC sweep wait", 1), Map.entry("GC scavenge wait", 1),
                Map.entry("GOMAXPROCS updater (idle)", 1), Map.entry("finalizer wait", 1), Map.entry("cleanup wait", 1),
                Map.entry("chan send", 7), Map.entry("chan receive", 25), Map.entry("chan send (nil chan)", 2),
                Map.entry("chan receive (nil chan)", 3), Map.entry("select", 6), Map.entry("select (no cases)", 1),
                Map.entry("sync.Mutex.Lock", 4), Map.entry("sync.RWMutex.Lock", 1), Map.entry("sync.RWMutex.RLock", 3),
                Map.entry("sync.Cond.Wait", 2), Map.entry("sync.WaitGroup.Wait", 3), Map.entry("IO wait", 3),
                Map.entry("GC worker (idle)", 2));
        waiting.forEach((reason, n) -> assertThat(g.waiting(reason, last)).as(reason).isEqualTo(n));
        assertThat(g.count(WAITING, last)).isEqualTo(81);
        assertThat(g.waiting("GC assist marking", last)).isZero();
    }

    @Test
    void linesOfOtherOutputAreSkippedEvenWithASchedLineGluedOn() throws ImportException {
        // Hand-written around real lines: stderr shared with the program, one SCHED line glued to unterminated output.
        String log = "starting server on :8080\n"
                + "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=3 spinningthreads=1 idlethreads=0 runqueue=0 [0 0]\n"
                + "GET /debug/pprof 200\n"
                + "request doneSCHED 200ms: gomaxprocs=2 idleprocs=0 threads=8 spinningthreads=0 idlethreads=1 "
                + "runqueue=0 [1 0]\n"
                + "  G1: status=4(sleep) m=-1 lockedm=-1\n";
        Dataset d = importer.read(TestFiles.text("mixed.log", log), Progress.NONE);
        assertThat(d.schedTrace().timeMs()).containsExactly(0, 200);
        assertThat(d.schedTrace().localRunQueues()).containsExactly(0, 1);
        assertThat(d.warnings()).containsExactly("3 line(s) of other program output were skipped");
    }

    @Test
    void scanBitAndDeadGoroutines() throws ImportException {
        // Hand-written: status 4100 is _Gwaiting with the GC scan bit 0x1000; status 6 is a dead G kept for reuse.
        String log = "SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 needspinning=0 idlethreads=0 "
                + "runqueue=0 gcwaiting=true nmidlelocked=0 stopwait=1 sysmonwait=false\n"
                + "  P0: status=3 schedtick=1 syscalltick=0 m=nil runqsize=0 gfreecnt=1 timerslen=0\n"
                + "  G1: status=4100(chan receive) m=nil lockedm=nil\n"
                + "  G7: status=6() m=nil lockedm=nil\n";
        GoroutineCounts g = importer.read(TestFiles.text("scan.log", log), Progress.NONE).schedTrace().goroutines();
        assertThat(g.waiting("chan receive", 0)).isEqualTo(1);
        assertThat(g.dead()).containsExactly(1);
        assertThat(g.listed(0)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"go1.19/schedtrace.txt", "go1.19/schedtrace-plain.txt", "go1.26/schedtrace.txt",
        "go1.26/schedtrace-detail.txt"})
    void sniffsSchedtraceLogs(String file) {
        byte[] b = TestFiles.bytes("schedtrace/" + file);
        assertThat(importer.sniff(b, b.length)).isEqualTo(Confidence.YES);
    }

    @Test
    void sniffFindsASchedLineAfterOtherOutputAndRefusesOtherText() {
        byte[] late = "listening\nready\nSCHED 1000ms: gomaxprocs=4 idleprocs=4".getBytes(StandardCharsets.UTF_8);
        assertThat(importer.sniff(late, late.length)).isEqualTo(Confidence.YES);
        for (String other : new String[] {"a;b;c 1\n", "goroutine 1 [running]:\nmain.main()\n", "[{\"ph\":\"X\"}]",
            "SCHED is a word\n"}) {
            byte[] b = other.getBytes(StandardCharsets.UTF_8);
            assertThat(importer.sniff(b, b.length)).as(other).isEqualTo(Confidence.NO);
        }
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("e.log", ""), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("e.log: byte 0: the file is empty");
    }

    @Test
    void binaryFile() {
        assertThatThrownBy(() -> importer.read(TestFiles.binary("b.log"), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("b.log: line 1: binary data (a NUL byte), not a text file");
    }

    @Test
    void anotherFormatHasNoSchedLine() {
        assertThatThrownBy(() -> importer.read(TestFiles.source("folded/speedscope/simple.txt"), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("folded/speedscope/simple.txt: line 1: no SCHED line "
                        + "found (expected GODEBUG=schedtrace output such as \"SCHED 0ms: gomaxprocs=8 idleprocs=6 …\")");
    }

    @Test
    void aTenMegabyteLine() {
        assertThatThrownBy(() -> importer.read(TestFiles.oneLongLine("big.log", 10 << 20, 'S'), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("big.log: line 1: line longer than 4 MiB: not a text format Goroscope reads");
    }

    /** Cut inside the 2nd SCHED line, a P line, a G line's reason and a G line's last field. */
    @ParameterizedTest
    @ValueSource(strings = {"idleprocs=0 thr", "runqueue=0 [1", "runqsize=", "G5: status=4(fin", "G47: status=4(chan receive) m=-1 lock"})
    void cutOffLinesAreRefusedWithTheirNumber(String cutAfter) {
        String resource = "schedtrace/go1.19/schedtrace.txt";
        String text = new String(TestFiles.bytes(resource), StandardCharsets.UTF_8);
        int at = text.indexOf(cutAfter, text.indexOf("SCHED 200ms")) + cutAfter.length();
        byte[] cut = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertThatThrownBy(() -> importer.read(Importers.bytesSource("cut.log", cut), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("cut.log: line " + line + ": ");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("v.log",
                "SCHED 5ms: gomaxprocs=two idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0]\n"),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessage("v.log: line 1: bad value \"two\" for gomaxprocs=");
        assertThatThrownBy(() -> importer.read(TestFiles.text("v.log", "SCHED 5 ms: gomaxprocs=2\n"),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessage("v.log: line 1: a SCHED line must start \"SCHED <n>ms:\"");
    }

    @Test
    void aCorruptGzip() {
        assertThatThrownBy(() -> importer.read(TestFiles.corruptGzip("s.log.gz"), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("s.log.gz: cannot read: ");
    }
}
