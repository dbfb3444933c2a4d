package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.ImportException;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.Ancestors;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DataDog/gostackparse's fixtures against its golden results: ids, states, wait minutes, locked flag, frames
 * (function, file, line), frames elided, created-by and ancestors. gostackparse drops a goroutine it cannot
 * parse and reports an error with a line number; Goroscope keeps what it could read of it and warns about the
 * same line, so goroutines absent from a golden file are skipped and its errors are matched against warnings.
 */
class GostackparseGoldenTest {
    private static final Pattern ERROR_LINE = Pattern.compile("on line (\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"ancestors", "cgo", "empty_stack", "errorhandling", "frameselided", "frameselided_goroutine",
            "go121_createdby", "lockedm", "partial_createdby", "partial_stack", "waitsince", "windows"})
    void matchesGolden(String fixture) throws Exception {
        JsonNode golden = new ObjectMapper().readTree(Fixtures.bytes("dumps/gostackparse/" + fixture + ".golden.json"));
        Dataset data = Fixtures.parse("dumps/gostackparse/" + fixture + ".txt");
        compare(data.dump(), golden);
        for (JsonNode error : golden.get("Errors")) {
            Matcher m = ERROR_LINE.matcher(error.asText());
            assertThat(m.find()).isTrue();
            int line = Integer.parseInt(m.group(1));
            int lines = new String(Fixtures.bytes("dumps/gostackparse/" + fixture + ".txt")).split("\n", -1).length;
            if (line < lines) {
                assertThat(data.warnings()).as(error.asText()).anyMatch(w -> w.startsWith("line " + line + ": "));
            } else {
                assertThat(data.warnings()).as(error.asText()).anyMatch(w -> w.contains("cut off"));
            }
        }
        if (golden.get("Errors").isEmpty()) {
            assertThat(data.warnings()).isEmpty();
        }
    }

    @Test
    void windowsLineEndsReadAsUnix() throws Exception {
        for (String fixture : List.of("windows", "waitsince", "ancestors", "cgo")) {
            JsonNode golden = new ObjectMapper().readTree(Fixtures.bytes("dumps/gostackparse/" + fixture + ".golden.json"));
            byte[] crlf = new String(Fixtures.bytes("dumps/gostackparse/" + fixture + ".txt"))
                    .replace("\n", "\r\n").getBytes();
            Dataset data = Fixtures.parse(fixture + "-crlf.txt", crlf, new DumpImporter());
            compare(data.dump(), golden);
            assertThat(data.warnings()).isEmpty();
        }
    }

    @Test
    void emptyInputIsAnError() {
        assertThatThrownBy(() -> Fixtures.parse("dumps/gostackparse/empty_input.txt"))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty_input.txt").hasMessageContaining("byte 0");
    }

    static void compare(GoroutineDump d, JsonNode golden) {
        List<Integer> ours = new ArrayList<>();
        int g = 0;
        for (JsonNode expected : golden.get("Goroutines")) {
            while (d.id(g) != expected.get("ID").asLong()) {
                g++;
            }
            ours.add(g);
            String where = "goroutine " + expected.get("ID");
            String state = expected.get("State").asText();
            if (GoroutineState.isWaitReason(state)) {
                assertThat(d.waitReasonText(g)).as(where).isEqualTo(state);
            } else {
                assertThat(d.state(g)).as(where).isEqualTo(GoroutineState.ofDumpStatus(state));
            }
            assertThat(d.waitMinutes(g) * 60_000_000_000L).as(where + " wait").isEqualTo(expected.get("Wait").asLong());
            assertThat(d.has(g, GoroutineDump.LOCKED_TO_THREAD)).as(where + " locked").isEqualTo(expected.get("LockedToThread").asBoolean());
            assertThat(d.has(g, GoroutineDump.FRAMES_ELIDED)).as(where + " elided").isEqualTo(expected.get("FramesElided").asBoolean());
            assertThat(frames(d.stacks().frames(), d.stacks().framesRootFirst(d.stack(g)))).as(where + " stack")
                    .containsExactlyElementsOf(goldenFrames(expected.get("Stack")));
            assertCreatedBy(d.stacks().frames(), d.createdBy(g), expected.get("CreatedBy"), where);
            assertAncestors(d, g, expected.get("Ancestor"));
            g++;
        }
        assertThat(ours).hasSize(golden.get("Goroutines").size());
    }

    private static void assertAncestors(GoroutineDump d, int g, JsonNode ancestor) {
        Ancestors a = d.ancestors();
        int i = a.start(g);
        for (JsonNode expected = ancestor; expected != null && !expected.isNull(); expected = expected.get("Ancestor"), i++) {
            assertThat(i).as("ancestor of goroutine " + d.id(g)).isLessThan(a.end(g));
            assertThat(a.goroutineId(i)).isEqualTo(expected.get("ID").asLong());
            assertThat(frames(d.stacks().frames(), d.stacks().framesRootFirst(a.stack(i))))
                    .containsExactlyElementsOf(goldenFrames(expected.get("Stack")));
            assertCreatedBy(d.stacks().frames(), a.createdBy(i), expected.get("CreatedBy"), "ancestor " + expected.get("ID"));
        }
        assertThat(i).as("ancestors of goroutine " + d.id(g)).isEqualTo(a.end(g));
    }

    private static void assertCreatedBy(FrameTable ft, int frame, JsonNode expected, String where) {
        if (expected == null || expected.isNull()) {
            assertThat(frame).as(where + " created by").isEqualTo(-1);
        } else {
            assertThat(frame).as(where + " created by").isGreaterThanOrEqualTo(0);
            assertThat(frame(ft, frame)).as(where + " created by").isEqualTo(goldenFrame(expected));
        }
    }

    /** Leaf first, as gostackparse lists them. */
    private static List<String> frames(FrameTable ft, int[] rootFirst) {
        List<String> out = new ArrayList<>();
        for (int i = rootFirst.length - 1; i >= 0; i--) {
            out.add(frame(ft, rootFirst[i]));
        }
        return out;
    }

    private static String frame(FrameTable ft, int f) {
        return ft.functionName(f) + " " + ft.fileName(f) + ":" + ft.line(f);
    }

    private static List<String> goldenFrames(JsonNode stack) {
        List<String> out = new ArrayList<>();
        stack.forEach(f -> out.add(goldenFrame(f)));
        return out;
    }

    private static String goldenFrame(JsonNode f) {
        return f.get("Func").asText() + " " + f.get("File").asText() + ":" + f.get("Line").asInt();
    }
}
