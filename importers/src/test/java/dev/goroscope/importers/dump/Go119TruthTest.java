package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Go 1.19 capture against its truth.json: the checks the capturing program recorded for each dump (state and
 * wait-reason counts, goroutines per function, goroutine count as truth-check.py counts them) and the per-file
 * figures it measured (every status, top frames, created-by functions, locked and system goroutines, preamble).
 */
class Go119TruthTest {
    private static final Set<String> FIVE = Set.of("idle", "runnable", "running", "syscall", "waiting");
    private static final Pattern STATE_CHECK = Pattern.compile("state \"(.*)\"( in range)?");

    static JsonNode truth() throws IOException {
        return new ObjectMapper().readTree(Fixtures.bytes("dumps/go1.19/truth.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump-debug2.txt", "stack-all.txt", "crash-traceback.txt", "crash-traceback-crash.txt",
            "sigquit-traceback.txt"})
    void checksHold(String file) throws Exception {
        JsonNode truth = truth();
        GoroutineDump d = Fixtures.parse("dumps/go1.19/" + file).dump();
        JsonNode info = truth.get("files").get(file);
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (JsonNode c : truth.get("checks")) {
            if (!c.get("file").asText().equals(file)) {
                continue;
            }
            String check = c.get("check").asText();
            String expected = c.get("expected").asText();
            Integer got = null;
            Matcher m = STATE_CHECK.matcher(check);
            if (check.equals("user goroutines")) {
                expected = String.valueOf(info.get("user_goroutines").asInt() + info.get("system_goroutines").asInt());
                got = d.size();
            } else if (m.matches()) {
                got = countStatus(d, m.group(1));
            } else if (check.startsWith("goroutines with func ")) {
                got = Fixtures.withFunction(d, check.substring("goroutines with func ".length()));
            }
            if (got != null) {
                checked++;
                soft.assertThat(holds(expected, got)).as("%s: %s expected %s got %d", file, check, expected, got).isTrue();
            }
        }
        soft.assertAll();
        assertThat(checked).isGreaterThan(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump-debug2.txt", "stack-all.txt", "crash-traceback.txt", "crash-traceback-crash.txt",
            "sigquit-traceback.txt"})
    void measuredFiguresMatch(String file) throws Exception {
        JsonNode info = truth().get("files").get(file);
        Dataset data = Fixtures.parse("dumps/go1.19/" + file);
        GoroutineDump d = data.dump();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(d.size()).as("headers (no id is repeated in these files)").isEqualTo(info.get("goroutine_headers").asInt());
        soft.assertThat(Fixtures.withFlag(d, GoroutineDump.SYSTEM)).as("system").isEqualTo(info.get("system_goroutines").asInt());
        soft.assertThat(Fixtures.withFlag(d, GoroutineDump.LOCKED_TO_THREAD)).as("locked").isEqualTo(info.get("locked_to_thread").asInt());
        soft.assertThat(Fixtures.withFlag(d, GoroutineDump.FRAMES_ELIDED)).as("elided").isEqualTo(info.get("frames_elided").asInt());
        soft.assertThat(Fixtures.withFlag(d, GoroutineDump.TRUNCATED)).as("truncated").isZero();
        soft.assertThat(counts(d, "status")).as("by state").isEqualTo(map(info.get("by_state")));
        soft.assertThat(counts(d, "top")).as("by top frame").isEqualTo(map(info.get("by_top_frame")));
        soft.assertThat(counts(d, "createdBy")).as("by created by").isEqualTo(map(info.get("by_created_by")));
        int maxDepth = 0;
        long frames = 0;
        for (int g = 0; g < d.size(); g++) {
            maxDepth = Math.max(maxDepth, d.stacks().depth(d.stack(g)));
            frames += d.stacks().depth(d.stack(g));
        }
        soft.assertThat(maxDepth).as("max frames").isEqualTo(info.get("max_frames").asInt());
        soft.assertThat(frames).as("frame lines").isEqualTo(info.get("total_frame_lines").asLong());
        JsonNode preamble = info.get("preamble");
        if (preamble != null) {
            soft.assertThat(d.preamble()).as("preamble").containsExactlyElementsOf(
                    new ObjectMapper().convertValue(preamble, java.util.List.class));
        } else {
            soft.assertThat(d.preamble()).as("preamble").isEmpty();
        }
        soft.assertThat(data.warnings()).as("warnings").isEmpty();
        soft.assertAll();
    }

    /** A state counts every goroutine in it (a wait reason counts as waiting); a wait reason counts its own. */
    static int countStatus(GoroutineDump d, String status) {
        int n = 0;
        for (int g = 0; g < d.size(); g++) {
            if (FIVE.contains(status) ? d.state(g) == GoroutineState.ofDumpStatus(status)
                    : status.equals(d.waitReasonText(g))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Integer> counts(GoroutineDump d, String what) {
        Map<String, Integer> out = new HashMap<>();
        for (int g = 0; g < d.size(); g++) {
            String key = switch (what) {
                case "status" -> Fixtures.status(d, g);
                case "top" -> Fixtures.top(d, g);
                default -> d.createdBy(g) < 0 ? "(none)" : d.stacks().frames().functionName(d.createdBy(g));
            };
            out.merge(key, 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> map(JsonNode object) {
        Map<String, Integer> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asInt());
        }
        return out;
    }

    /** truth-check.py's comparison: "N", "A..B" or ">= N". */
    static boolean holds(String expected, long got) {
        Matcher range = Pattern.compile("(\\d+)\\.\\.(\\d+)").matcher(expected);
        if (range.matches()) {
            return Long.parseLong(range.group(1)) <= got && got <= Long.parseLong(range.group(2));
        }
        Matcher atLeast = Pattern.compile(">=?\\s*(\\d+)").matcher(expected);
        if (atLeast.matches()) {
            return got >= Long.parseLong(atLeast.group(1));
        }
        return expected.equals(String.valueOf(got));
    }
}
