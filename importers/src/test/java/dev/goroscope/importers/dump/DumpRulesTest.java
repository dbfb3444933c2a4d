package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import org.junit.jupiter.api.Test;

/**
 * Forms no capture here shows (they need cgo with a symbolizer, an older Go, or luck with the GC), each as a
 * hand-written input for exactly one parser rule, written after the runtime's printing code (FORMATS.md §1).
 */
class DumpRulesTest {
    private static GoroutineDump parse(String handWritten) throws Exception {
        Dataset data = Fixtures.parse("rule.txt", handWritten.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new DumpImporter());
        assertThat(data.warnings()).isEmpty();
        return data.dump();
    }

    private static String frame(GoroutineDump d, int depthFromLeaf) {
        FrameTable ft = d.stacks().frames();
        int[] rootFirst = d.stacks().framesRootFirst(d.stack(0));
        int f = rootFirst[rootFirst.length - 1 - depthFromLeaf];
        return ft.functionName(f) + " " + ft.fileName(f) + ":" + ft.line(f);
    }

    @Test
    void cgoFrameWithoutSymbolizerIsOneLine() throws Exception {
        // Hand-written: traceback.go prints "non-Go function at pc=" + hex(pc) and no FILE:LINE line.
        GoroutineDump d = parse("goroutine 1 [syscall]:\nnon-Go function at pc=0x4cb1a7\n"
                + "main._Cfunc_work(0x1)\n\t_cgo_gotypes.go:56 +0x45\n");
        assertThat(frame(d, 0)).isEqualTo("non-Go function at pc=0x4cb1a7 :0");
        assertThat(frame(d, 1)).isEqualTo("main._Cfunc_work _cgo_gotypes.go:56");
    }

    @Test
    void symbolizedCgoFrameHasNoArgumentList() throws Exception {
        // Hand-written: printOneCgoTraceback prints the C function name alone, then "\tFILE:LINE pc=0x…".
        GoroutineDump d = parse("goroutine 1 [syscall]:\nc_sleep_loop\n\t/src/sleep.c:12 pc=0x4cb1a7\n"
                + "main._Cfunc_c_sleep_loop(0xf4240)\n\t_cgo_gotypes.go:56 +0x45\n");
        assertThat(frame(d, 0)).isEqualTo("c_sleep_loop /src/sleep.c:12");
    }

    @Test
    void nonAsciiPackagePathIsPercentDecoded() throws Exception {
        // Hand-written: the linker escapes bytes >= 0x7F in the package path only (objabi.PathToPrefix).
        GoroutineDump d = parse("goroutine 1 [running]:\nexample.com/internal/%c3%b9tf8.(*Strùct).Pànic(...)\n"
                + "\t/src/ùtf8/s.go:9\n");
        assertThat(frame(d, 0)).isEqualTo("example.com/internal/ùtf8.(*Strùct).Pànic /src/ùtf8/s.go:9");
    }

    @Test
    void go124SynctestGroup() throws Exception {
        // Hand-written: Go 1.24 printed ", synctest group " + the bubble's root goroutine id.
        GoroutineDump d = parse("goroutine 7 [chan receive, synctest group 5]:\nmain.f()\n\t/a.go:3 +0x1d\n");
        assertThat(d.bubble(0)).isEqualTo(5);
        assertThat(d.waitReasonText(0)).isEqualTo("chan receive");
    }

    @Test
    void go125DurablyBlockedBubble() throws Exception {
        // Hand-written: a Go 1.25 development form, ", synctest bubble G, durably blocked".
        GoroutineDump d = parse("goroutine 7 [select, synctest bubble 3, durably blocked]:\nmain.f()\n\t/a.go:3 +0x1d\n");
        assertThat(d.bubble(0)).isEqualTo(3);
        assertThat(d.has(0, GoroutineDump.DURABLY_BLOCKED)).isTrue();
        assertThat(d.waitReasonText(0)).isEqualTo("select");
    }

    @Test
    void scanBitWaitMinutesAndLockAllTogether() throws Exception {
        // Hand-written: goroutineheader prints " (scan)", then ", N minutes", then ", locked to thread".
        GoroutineDump d = parse("goroutine 9 [chan receive (nil chan) (scan), 12 minutes, locked to thread]:\n"
                + "main.f()\n\t/a.go:3 +0x1d\n");
        assertThat(d.waitReasonText(0)).isEqualTo("chan receive (nil chan)");
        assertThat(d.has(0, GoroutineDump.SCAN)).isTrue();
        assertThat(d.waitMinutes(0)).isEqualTo(12);
        assertThat(d.has(0, GoroutineDump.LOCKED_TO_THREAD)).isTrue();
    }
}
