package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.Ancestors;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One test per dump form, each on a real capture (see resources/dumps/NOTICE.md). */
class DumpFormsTest {
    @Test
    void go126CrashHeadersWithGpAndMFields() throws Exception {
        Dataset data = Fixtures.parse("dumps/go1.26/crash-gotraceback-crash.txt");
        GoroutineDump d = data.dump();
        assertThat(data.format()).isEqualTo("goroutine dump (panic)");
        assertThat(d.preamble()).containsExactly("panic: boom: 10 goroutines");
        assertThat(d.size()).isEqualTo(15);
        int main = Fixtures.index(d, 1);
        assertThat(d.state(main)).isEqualTo(GoroutineState.RUNNING);
        assertThat(Fixtures.top(d, main)).isEqualTo("panic");
        assertThat(Fixtures.status(d, Fixtures.index(d, 2))).isEqualTo("force gc (idle)");
        assertThat(Fixtures.status(d, Fixtures.index(d, 5))).isEqualTo("GOMAXPROCS updater (idle)");
        assertThat(Fixtures.withFlag(d, GoroutineDump.SYSTEM)).isEqualTo(5);
        assertThat(Fixtures.withFlag(d, GoroutineDump.LOCKED_TO_THREAD)).isEqualTo(1);
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void fpSpPcSuffixesAreDroppedFromFileLines() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.26/crash-gotraceback-system.txt").dump();
        FrameTable ft = d.stacks().frames();
        int[] frames = d.stacks().framesRootFirst(d.stack(Fixtures.index(d, 1)));
        assertThat(ft.fileName(frames[frames.length - 1])).isEqualTo("/usr/local/go/src/runtime/panic.go");
        assertThat(ft.line(frames[frames.length - 1])).isEqualTo(879);
        assertThat(ft.functionName(frames[0])).isEqualTo("runtime.goexit");
    }

    @Test
    void threadStacksOfGoroutineZeroAreNotGoroutines() throws Exception {
        Dataset data = Fixtures.parse("dumps/go1.26/sigquit-gotraceback-crash.txt");
        GoroutineDump d = data.dump();
        String text = new String(Fixtures.bytes("dumps/go1.26/sigquit-gotraceback-crash.txt"));
        assertThat(text).contains("goroutine 0 gp=").contains("rax    0x").contains("-----");
        assertThat(d.size()).isEqualTo(17);
        assertThat(IntStream.range(0, d.size()).mapToLong(d::id)).doesNotContain(0L);
        assertThat(d.preamble()).containsExactly("SIGQUIT: quit", "PC=0x481821 m=0 sigcode=0");
        assertThat(data.format()).isEqualTo("goroutine dump (SIGQUIT)");
        int spinner = Fixtures.index(d, 29);
        assertThat(Fixtures.status(d, spinner)).isEqualTo("runnable");
        assertThat(Fixtures.top(d, spinner)).isEqualTo("runtime.asyncPreempt2");
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void aGoroutineRunningOnAnotherThreadIsPrintedAgainByItsThread() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.26/sigquit-gotraceback-crash.txt").dump();
        String text = new String(Fixtures.bytes("dumps/go1.26/sigquit-gotraceback-crash.txt"));
        assertThat(text).contains("goroutine 28 gp=0x192131505c20 m=2 mp=0x192131412808 [running]:\n"
                + "\tgoroutine running on other thread; stack unavailable");
        int other = Fixtures.index(d, 28);
        assertThat(IntStream.range(0, d.size()).filter(g -> d.id(g) == 28)).hasSize(1);
        assertThat(d.has(other, GoroutineDump.STACK_UNAVAILABLE)).isFalse();
        assertThat(Fixtures.top(d, other)).isEqualTo("runtime.asyncPreempt");
        assertThat(d.stacks().depth(d.stack(other))).isEqualTo(3);
        assertThat(d.parentId(other)).isEqualTo(1);
        assertThat(d.stacks().frames().functionName(d.createdBy(other))).isEqualTo("main.main");
    }

    @Test
    void runtimeStackSectionAndElidedMiddleFrames() throws Exception {
        Dataset data = Fixtures.parse("dumps/go1.26/stack-overflow.txt");
        GoroutineDump d = data.dump();
        assertThat(data.format()).isEqualTo("goroutine dump (fatal error)");
        assertThat(d.preamble()).hasSize(3).last().isEqualTo("fatal error: stack overflow");
        assertThat(d.size()).isEqualTo(15);
        int main = Fixtures.index(d, 1);
        assertThat(d.has(main, GoroutineDump.FRAMES_ELIDED)).isTrue();
        assertThat(d.stacks().depth(d.stack(main))).isEqualTo(100);
        assertThat(Fixtures.withFunction(d, "runtime.newstack")).as("runtime stack: frames are not a goroutine's").isZero();
        assertThat(Fixtures.withFunction(d, "main.recurse")).isEqualTo(1);
        int[] frames = d.stacks().framesRootFirst(d.stack(main));
        assertThat(d.stacks().frames().functionName(frames[0])).isEqualTo("runtime.goexit");
        assertThat(d.has(main, GoroutineDump.SYSTEM)).isFalse();
    }

    @Test
    void fileLineWithoutAFunctionLineIsAnUnnamedFrame() throws Exception {
        // Hand-written, after a Go 1.26 GOTRACEBACK=crash capture in which the runtime printed a preempted
        // closure's frame as a FILE:LINE line with no function line above it (the rule: keep it as frame "?").
        String text = "goroutine 35 gp=0x20167bc803c0 m=nil [runnable]:\n"
                + "runtime.asyncPreempt()\n"
                + "\t/usr/local/go/src/runtime/preempt_amd64.s:124 +0x28b fp=0x20167bc317d8 sp=0x20167bc31750 pc=0x480e0b\n"
                + "\t/tmp/caps/prog/main.go:1 +0x1 fp=0x20167bc317e0 sp=0x20167bc317d8 pc=0x4a2341\n";
        Dataset data = Fixtures.parse("unnamed.txt", text.getBytes(), new DumpImporter());
        int[] frames = data.dump().stacks().framesRootFirst(data.dump().stack(0));
        FrameTable ft = data.dump().stacks().frames();
        assertThat(frames).hasSize(2);
        assertThat(ft.functionName(frames[0]) + " " + ft.fileName(frames[0]) + ":" + ft.line(frames[0]))
                .isEqualTo("? /tmp/caps/prog/main.go:1");
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void synctestBubblesAndDurableBlocking() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.26/stack-synctest.txt").dump();
        assertThat(IntStream.range(0, d.size()).mapToLong(d::bubble)).containsExactly(1L, -1L, 1L, 1L, 1L, 1L);
        int sleeper = Fixtures.index(d, 26);
        assertThat(d.waitReasonText(sleeper)).isEqualTo("sleep");
        assertThat(d.has(sleeper, GoroutineDump.DURABLY_BLOCKED)).isTrue();
        assertThat(d.has(Fixtures.index(d, 24), GoroutineDump.DURABLY_BLOCKED)).isFalse();
        assertThat(Fixtures.withFlag(d, GoroutineDump.DURABLY_BLOCKED)).isEqualTo(4);
    }

    @Test
    void ancestorsAttachToTheirGoroutineAndAreNotCounted() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.26/stack-ancestors.txt").dump();
        assertThat(d.size()).isEqualTo(10);
        Ancestors a = d.ancestors();
        int last = Fixtures.index(d, d.id(d.size() - 1));
        assertThat(a.end(last) - a.start(last)).isEqualTo(3);
        long[] chain = IntStream.range(a.start(last), a.end(last)).mapToLong(a::goroutineId).toArray();
        assertThat(chain[0]).isEqualTo(d.parentId(last));
        assertThat(a.end(Fixtures.index(d, 1)) - a.start(Fixtures.index(d, 1))).isZero();
    }

    @Test
    void escapedPackagePathsAndGenericsAndInlinedFrames() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.26/stack-ancestors.txt").dump();
        assertThat(Fixtures.withFunction(d, "example.com/caps/pkg.v2.Wait")).isEqualTo(1);
        assertThat(Fixtures.withFunction(d, "example.com/caps/pkg%2ev2.Wait")).isZero();
        assertThat(Fixtures.withFunction(d, "main.(*Box[...]).Hold")).isEqualTo(1);
        assertThat(Fixtures.withFunction(d, "sync.(*Mutex).Lock")).as("an inlined (...) frame").isEqualTo(1);
    }

    @Test
    void createdByInGoroutineGivesTheParent() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/crasha/goroutine.txt").dump();
        assertThat(IntStream.range(0, d.size()).mapToLong(d::parentId)).containsExactly(-1L, 1L, 1L);
        assertThat(d.stacks().frames().functionName(d.createdBy(1))).isEqualTo("main.main");
        assertThat(d.stacks().frames().line(d.createdBy(1))).isEqualTo(14);
        assertThat(Fixtures.withFlag(d, GoroutineDump.TRUNCATED)).as("exit status 2 is trailing text").isZero();
    }

    @Test
    void aGoroutinePrintedTwiceIsOneWithTheStackOfTheLaterPrint() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/crasha/goroutine.txt").dump();
        assertThat(IntStream.range(0, d.size()).mapToLong(d::id)).containsExactly(1L, 18L, 19L);
        assertThat(IntStream.range(0, d.size()).mapToObj(g -> d.state(g))).containsExactly(
                GoroutineState.RUNNING, GoroutineState.RUNNABLE, GoroutineState.RUNNING);
        assertThat(d.has(2, GoroutineDump.STACK_UNAVAILABLE)).isFalse();
        assertThat(Fixtures.top(d, 2)).isEqualTo("main.main.func2");
        GoroutineDump twice = Fixtures.parse("dumps/syzkaller-gvisor/0").dump();
        assertThat(IntStream.range(0, twice.size()).mapToLong(twice::id)).containsExactly(9707990L, 1L);
    }

    @Test
    void oldCreatedByFormHasNoParent() throws Exception {
        GoroutineDump d = Fixtures.parse("dumps/go1.19/stack-all.txt").dump();
        assertThat(IntStream.range(0, d.size()).filter(g -> d.createdBy(g) >= 0)).isNotEmpty()
                .allSatisfy(g -> assertThat(d.parentId(g)).isEqualTo(-1));
    }

    @Test
    void dumpInsideTestOutputWithRepanic() throws Exception {
        Dataset data = Fixtures.parse("dumps/golang-go/test2json-panic.test");
        GoroutineDump d = data.dump();
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.preamble()).containsExactly("panic: oops [recovered]", "\tpanic: oops");
        assertThat(d.stacks().depth(d.stack(0))).isEqualTo(4);
        assertThat(d.has(0, GoroutineDump.TRUNCATED)).isFalse();
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void crashLogsWithPrefixTextMinutesAndSignals() throws Exception {
        Dataset zero = Fixtures.parse("dumps/syzkaller-gvisor/0");
        assertThat(zero.dump().size()).isEqualTo(2);
        assertThat(zero.dump().preamble()).containsExactly(
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x40 pc=0x811ac1]");
        assertThat(zero.dump().waitMinutes(1)).isEqualTo(23);
        Dataset twelve = Fixtures.parse("dumps/syzkaller-gvisor/12");
        assertThat(twelve.format()).isEqualTo("goroutine dump (SIGSEGV)");
        assertThat(twelve.dump().has(0, GoroutineDump.LOCKED_TO_THREAD)).isTrue();
        assertThat(twelve.dump().state(0)).isEqualTo(GoroutineState.SYSCALL);
        Dataset oom = Fixtures.parse("dumps/syzkaller-gvisor/29");
        assertThat(oom.dump().preamble()).last().isEqualTo("fatal error: out of memory");
        assertThat(oom.dump().has(0, GoroutineDump.SYSTEM)).as("goroutine 1 cut off above runtime frames").isFalse();
        assertThat(Fixtures.parse("dumps/syzkaller-gvisor/25").dump().waitMinutes(1)).isEqualTo(9);
    }

    @Test
    void manifestGoroutineCountsOfSyzkallerLogs() throws Exception {
        String[] files = {"0", "1", "2", "3", "5", "12", "16", "25", "26", "27", "29"};
        // The manifest counts 3 headers in 0, 1, 2 and 3: each of those logs holds its report twice.
        int[] headers = {2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1};
        for (int i = 0; i < files.length; i++) {
            assertThat(Fixtures.parse("dumps/syzkaller-gvisor/" + files[i]).dump().size()).as(files[i]).isEqualTo(headers[i]);
        }
    }

    @Test
    void indentationAndTabsTurnedToSpacesAreTolerated() throws Exception {
        String text = new String(Fixtures.bytes("dumps/go1.19/crash-traceback.txt"));
        String pasted = ("  " + text.replace("\n", "\n  ")).replace("\t", "        ");
        GoroutineDump original = Fixtures.parse("dumps/go1.19/crash-traceback.txt").dump();
        Dataset indented = Fixtures.parse("pasted.txt", pasted.getBytes(), new DumpImporter());
        ChunkingTest.assertSameDump(indented.dump(), original);
    }

    @Test
    void dumpEmbeddedInLogText() throws Exception {
        String text = new String(Fixtures.bytes("dumps/go1.26/crash-gotraceback-crash.txt"));
        String log = "2024/05/01 12:00:00 server starting\n2024/05/01 12:00:01 listening on :8080\n" + text
                + "exit status 2\nmake: *** [run] Error 2\n";
        Dataset data = Fixtures.parse("log.txt", log.getBytes(), new DumpImporter());
        ChunkingTest.assertSameDump(data.dump(), Fixtures.parse("dumps/go1.26/crash-gotraceback-crash.txt").dump());
        assertThat(data.dump().preamble()).containsExactly("panic: boom: 10 goroutines");
        assertThat(data.warnings()).isEmpty();
    }
}
