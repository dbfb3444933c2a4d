package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.Ancestors;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parsing in many small chunks, on one thread or several, gives exactly what parsing the whole file at once
 * gives; and the goroutines found are the distinct ids of the header lines a plain independent count finds.
 */
class ChunkingTest {
    /** A header as a regular expression, written independently of the parser; goroutine 0 is an M's stack. */
    static final Pattern HEADER = Pattern.compile(
            "(?m)^[ \\t]*goroutine ([1-9][0-9]*)(?: gp=\\S+ m=\\S+(?: mp=\\S+)?)? \\[[^\\n]*\\]:\\r?$");

    static List<String> dumps() {
        return Fixtures.DUMPS;
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void smallChunksGiveTheSameDump(String resource) throws Exception {
        byte[] bytes = Fixtures.bytes(resource);
        Dataset whole = Fixtures.parse(resource, bytes, new DumpImporter(1, DumpImporter.CHUNK_SIZE));
        for (DumpImporter chunked : List.of(new DumpImporter(2, 1024), new DumpImporter(1, 1024), new DumpImporter(3, 4096))) {
            Dataset parts = Fixtures.parse(resource, bytes, chunked);
            assertSameDump(parts.dump(), whole.dump());
            assertThat(parts.warnings()).isEqualTo(whole.warnings());
            assertThat(parts.format()).isEqualTo(whole.format());
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void goroutinesAreTheHeaderLines(String resource) throws Exception {
        String text = new String(Fixtures.bytes(resource), java.nio.charset.StandardCharsets.UTF_8);
        long ids = HEADER.matcher(text).results().map(m -> m.group(1)).distinct().count();
        assertThat(Fixtures.parse(resource).dump().size()).isEqualTo(ids).isPositive();
    }

    /** Same goroutines with the same fields and frames, compared by value (table ids may differ). */
    static void assertSameDump(GoroutineDump actual, GoroutineDump expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.preamble()).isEqualTo(expected.preamble());
        for (int g = 0; g < expected.size(); g++) {
            assertThat(describe(actual, g)).isEqualTo(describe(expected, g));
        }
    }

    private static List<String> describe(GoroutineDump d, int g) {
        FrameTable ft = d.stacks().frames();
        List<String> out = new ArrayList<>();
        out.add(d.id(g) + " " + d.state(g) + " " + d.waitReasonText(g) + " " + d.waitMinutes(g) + "min parent="
                + d.parentId(g) + " bubble=" + d.bubble(g));
        for (int flag = 1; flag < 256; flag <<= 1) {
            out.add("flag " + flag + "=" + d.has(g, flag));
        }
        out.add("created by " + (d.createdBy(g) < 0 ? "-" : frame(ft, d.createdBy(g))));
        out.addAll(frames(d.stacks(), d.stack(g)));
        Ancestors a = d.ancestors();
        for (int i = a.start(g); i < a.end(g); i++) {
            out.add("ancestor " + a.goroutineId(i) + " created by " + (a.createdBy(i) < 0 ? "-" : frame(ft, a.createdBy(i))));
            out.addAll(frames(d.stacks(), a.stack(i)));
        }
        return out;
    }

    private static List<String> frames(StackTable stacks, int stack) {
        List<String> out = new ArrayList<>();
        for (int f : stacks.framesRootFirst(stack)) {
            out.add(frame(stacks.frames(), f));
        }
        return out;
    }

    private static String frame(FrameTable ft, int f) {
        return ft.functionName(f) + " " + ft.fileName(f) + ":" + ft.line(f);
    }
}
