package dev.goroscope.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goroscope.importers.chrometrace.ChromeTraceImporter;
import dev.goroscope.importers.dump.DebugOneImporter;
import dev.goroscope.importers.dump.DumpImporter;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.importers.pprof.PprofImporter;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;
import dev.goroscope.importers.trace.TraceImporter;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every importer keeps to the {@link ImportLimits} of its source and says which bound a file broke, where. Real
 * files are read under limits tightened below what they hold.
 */
class ImportLimitsTest {
    private static ImportException failure(Importer importer, String resource, ImportLimits limits) {
        ImportSource source = Importers.bytesSource(resource, TestFiles.bytes(resource), limits);
        ImportException e = catchThrowableOfType(() -> importer.read(source, Progress.NONE), ImportException.class);
        assertThat(e).as("%s under %s", resource, limits).isNotNull();
        return e;
    }

    private static ImportLimits lines(int bytes) {
        return ImportLimits.DEFAULT.withMaxLineBytes(bytes);
    }

    private static ImportLimits depth(int frames) {
        return ImportLimits.DEFAULT.withMaxStackDepth(frames);
    }

    private static ImportLimits strings(int count) {
        return ImportLimits.DEFAULT.withMaxStrings(count);
    }

    @Test
    void theDefaultsAreFarAboveRealFilesAndPositive() {
        ImportLimits d = ImportLimits.DEFAULT;
        assertThat(d.maxLineBytes()).isEqualTo(4 << 20);
        assertThat(d.maxStackDepth()).isEqualTo(8192);
        assertThat(d.maxStrings()).isEqualTo(4 << 20);
        assertThat(d.inflate()).isEqualTo(InflateLimit.DEFAULT);
        assertThat(catchThrowableOfType(() -> d.withMaxStackDepth(0), IllegalArgumentException.class)).isNotNull();
    }

    @Test
    void textLinesLongerThanTheLimit() {
        assertThat(failure(new FoldedImporter(), "folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt", lines(64))
                .getMessage()).isEqualTo("folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt: line 2: "
                        + "line longer than 64 bytes: not a text format Goroscope reads");
        assertThat(failure(new SchedTraceImporter(), "schedtrace/go1.26/schedtrace.txt", lines(100)).getMessage())
                .isEqualTo("schedtrace/go1.26/schedtrace.txt: line 1: line longer than 100 bytes: "
                        + "not a text format Goroscope reads");
        assertThat(failure(new DebugOneImporter(), "dumps/go1.19/dump-debug1.txt", lines(16)).getMessage())
                .isEqualTo("dumps/go1.19/dump-debug1.txt: line 1: line longer than 16 bytes: "
                        + "not a text format Goroscope reads");
    }

    @Test
    void jsonStringsLongerThanTheLimit() {
        assertThat(failure(new SpeedscopeImporter(), "speedscope/0.1.2/simple-sampled.speedscope.json", lines(16))
                .getMessage()).matches("speedscope/0\\.1\\.2/simple-sampled\\.speedscope\\.json: line \\d+, column \\d+: "
                        + "a JSON string longer than 16 bytes, the most Goroscope reads");
        // hand-written for this one rule: a real trace with one event name made 64 KiB long (Jackson checks the
        // length of short strings only when they are read as a String, of long ones always)
        String trace = new String(TestFiles.bytes("chrome/speedscope/simple.json"), StandardCharsets.UTF_8)
                .replace("\"alpha\"", "\"" + "a".repeat(64 << 10) + "\"");
        ImportSource longName = Importers.bytesSource("long-name.json", trace.getBytes(StandardCharsets.UTF_8), lines(1024));
        assertThat(catchThrowableOfType(() -> new ChromeTraceImporter().read(longName, Progress.NONE),
                ImportException.class)).hasMessageMatching("long-name\\.json: line 2, column \\d+: "
                        + "a JSON string longer than 1 KiB, the most Goroscope reads");
    }

    @Test
    void stacksDeeperThanTheLimit() {
        assertThat(failure(new FoldedImporter(), "folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt", depth(3))
                .getMessage()).isEqualTo("folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt: line 1: "
                        + "a stack deeper than 3 frames, the most Goroscope reads");
        assertThat(failure(new DebugOneImporter(), "dumps/go1.19/dump-debug1.txt", depth(3)).getMessage())
                .isEqualTo("dumps/go1.19/dump-debug1.txt: line 2: a stack deeper than 3 frames, the most Goroscope reads");
        assertThat(failure(new SpeedscopeImporter(), "speedscope/0.6.0/two-sampled.speedscope.json", depth(2))
                .getMessage()).isEqualTo("speedscope/0.6.0/two-sampled.speedscope.json: line 13, column 26: "
                        + "a stack deeper than 2 frames, the most Goroscope reads");
        assertThat(failure(new SpeedscopeImporter(), "speedscope/0.0.1/simple.speedscope.json", depth(2))
                .getMessage()).isEqualTo("speedscope/0.0.1/simple.speedscope.json: line 20, column 21: "
                        + "a stack deeper than 2 frames, the most Goroscope reads");
        assertThat(failure(new ChromeTraceImporter(), "chrome/speedscope/simple.json", depth(1)).getMessage())
                .isEqualTo("chrome/speedscope/simple.json: thread pid 0, tid 0: "
                        + "a stack deeper than 1 frames, the most Goroscope reads");
        assertThat(failure(new PprofImporter(), "pprof/go1.26/goroutine.pb.gz", depth(3)).getMessage())
                .matches("pprof/go1\\.26/goroutine\\.pb\\.gz: byte \\d+: a stack deeper than 3 frames, the most "
                        + "Goroscope reads");
    }

    @Test
    void aDumpCutsDeeperStacksAsGoElidesFramesAndSaysSo() throws ImportException {
        String resource = "dumps/go1.19/dump-debug2.txt";
        Dataset d = new DumpImporter().read(Importers.bytesSource(resource, TestFiles.bytes(resource), depth(3)),
                Progress.NONE);
        GoroutineDump dump = d.dump();
        int cut = 0;
        for (int g = 0; g < dump.size(); g++) {
            assertThat(dump.stacks().depth(dump.stack(g))).isLessThanOrEqualTo(3);
            cut += dump.has(g, GoroutineDump.FRAMES_ELIDED) ? 1 : 0;
        }
        assertThat(cut).isPositive();
        assertThat(d.warnings()).anyMatch(w -> w.matches("line \\d+: goroutine \\d+ lists more than 3 frames; "
                + "the rest are dropped"));
    }

    @Test
    void moreDistinctStringsThanTheLimit() {
        assertThat(failure(new FoldedImporter(), "folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt", strings(3))
                .getMessage()).isEqualTo("folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt: line 1: "
                        + "more than 3 distinct strings (names, string-table entries), the most Goroscope reads");
        assertThat(failure(new SpeedscopeImporter(), "speedscope/0.0.1/simple.speedscope.json", strings(2))
                .getMessage()).startsWith("speedscope/0.0.1/simple.speedscope.json: line ")
                .endsWith(": more than 2 distinct strings (names, string-table entries), the most Goroscope reads");
        assertThat(failure(new PprofImporter(), "pprof/go1.26/goroutine.pb.gz", strings(10)).getMessage())
                .matches("pprof/go1\\.26/goroutine\\.pb\\.gz: byte \\d+: more than 10 distinct strings "
                        + "\\(names, string-table entries\\), the most Goroscope reads");
    }

    @Test
    void executionTracesWithMoreStringsThanTheLimit() {
        assertThat(failure(new TraceImporter(), "traces/v1/http_1_21_good", strings(5)).getMessage())
                .matches("traces/v1/http_1_21_good: byte \\d+: more than 5 distinct strings "
                        + "\\(names, string-table entries\\), the most Goroscope reads");
        assertThat(failure(new TraceImporter(), "traces/v2/traceutils-1.25-test-encoding-json.trace", strings(5))
                .getMessage()).matches("traces/v2/traceutils-1\\.25-test-encoding-json\\.trace: byte \\d+: more than 5 "
                        + "distinct strings \\(names, string-table entries\\), the most Goroscope reads");
    }

    @Test
    void theTimeLimitIsTenMinutesAndSaidInWords() {
        assertThat(ImportLimits.DEFAULT.maxTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ImportLimits.DEFAULT.tookTooLong("f", "byte 9").getMessage())
                .isEqualTo("f: byte 9: gave up after 10 minutes, the longest Goroscope spends on one file");
        assertThat(ImportLimits.DEFAULT.withMaxTime(Duration.ofSeconds(90)).tookTooLong("f", "").getMessage())
                .isEqualTo("f: gave up after 90 s, the longest Goroscope spends on one file");
        assertThat(catchThrowableOfType(() -> ImportLimits.DEFAULT.withMaxTime(Duration.ZERO),
                IllegalArgumentException.class)).isNotNull();
    }

    @Test
    void gzipExpandingPastTheInflateLimitOfAnyFormat() {
        InflateLimit tiny = new InflateLimit(1000, 250, 0);
        ImportException e = failure(new ChromeTraceImporter(), "chrome/go/test-encoding-json.json.gz",
                ImportLimits.DEFAULT.withInflate(tiny));
        assertThat(e.getMessage()).isEqualTo("chrome/go/test-encoding-json.json.gz: "
                + "cannot read: gzip content is larger than 1000 B, the most Goroscope opens");
    }
}
