package dev.goroscope.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.trace.v2.V2Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's own reader tests (golang.org/x/exp trace/testdata/tests): each text trace is turned into bytes and read; it
 * must succeed or fail as its {@code -- expect --} section says, and a successful one must give the figures Go's
 * reader gave for the same bytes ({@code .stats.json}, from samples/progs/tracestats). The fuzz seeds of Go's FuzzReader must give a
 * dataset or an ImportException, never another exception.
 */
class TxtarConformanceTest {
    static List<Path> cases() {
        return TraceFiles.list("v2-txtar", ".test");
    }

    static List<Path> fuzzSeeds() {
        return TraceFiles.list("v2-fuzz", "");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void succeedsOrFailsAsGoDoes(Path file) throws Exception {
        String text = new String(TraceFiles.bytes(file), StandardCharsets.UTF_8);
        String expect = "SUCCESS";
        String trace = text;
        int e = text.indexOf("-- expect --\n");
        if (e >= 0) {
            int t = text.indexOf("-- trace --\n");
            expect = text.substring(e + 13, t).trim();
            trace = text.substring(t + 12);
        }
        byte[] bytes = TextTrace.toBinary(trace);
        TraceHeader h = TraceHeader.parse(bytes, bytes.length);
        TraceInput in = new TraceInput(new ByteArrayInputStream(bytes));
        in.skip(TraceHeader.SIZE);
        V2Reader.Result r = new V2Reader(h.minor(), ImportLimits.DEFAULT.maxStrings()).read(in, () -> false);
        if (expect.equals("SUCCESS")) {
            assertThat(r.problem()).as("problem").isNull();
            assertThat(r.events()).isPositive();
            Path stats = file.resolveSibling(file.getFileName().toString().replace(".test", ".stats.json"));
            JsonNode want = new ObjectMapper().readTree(TraceFiles.bytes(stats));
            V2ConformanceTest.assertSameCounts(r.timeline(), want);
            V2ConformanceTest.assertSameStateTimes(r.timeline(), want);
        } else {
            String pattern = expect.substring(expect.indexOf('"') + 1, expect.lastIndexOf('"'));
            assertThat(r.problem()).as("expected " + expect).isNotNull();
            assertThat(r.problem().getMessage()).matches("(?s).*" + pattern + ".*");
        }
    }

    @ParameterizedTest
    @MethodSource("fuzzSeeds")
    void fuzzSeedsGiveADatasetOrAnImportException(Path file) {
        String text = new String(TraceFiles.bytes(file), StandardCharsets.UTF_8);
        String literal = text.substring(text.indexOf("[]byte(") + 7);
        byte[] bytes = GoQuoted.unquote(literal, 0);
        assertThatCode(() -> {
            try {
                TraceFiles.read(file.getFileName().toString(), bytes);
            } catch (ImportException ex) {
                assertThat(ex.getMessage()).startsWith(file.getFileName().toString() + ": ");
            }
        }).doesNotThrowAnyException();
    }
}
