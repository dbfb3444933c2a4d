package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code summary} of real captures against what the Go program and Go's tools recorded (truth.json). */
class SummaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATE = Pattern.compile("state \"(.*)\"( in range)?");
    private static final List<String> FIVE = List.of("idle", "runnable", "running", "syscall", "waiting");

    static JsonNode summary(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void dumpSummaryMatchesEveryRecordedFigure() throws Exception {
        for (String file : List.of("dump-debug2.txt", "stack-all.txt")) {
            JsonNode s = summary("summary", "--json", "--top", "0", Go119.file(file).toString());
            JsonNode truth = JSON.readTree(Go119.file("truth.json").toFile());
            int checked = 0;
            for (JsonNode c : truth.get("checks")) {
                if (!c.get("file").asText().equals(file)) {
                    continue;
                }
                String check = c.get("check").asText();
                String expected = c.get("expected").asText();
                Long got = figure(s, check, truth.get("files").get(file));
                if (check.equals("user goroutines")) {
                    JsonNode info = truth.get("files").get(file);
                    expected = String.valueOf(info.get("user_goroutines").asLong()
                            + info.path("system_goroutines").asLong(0));
                }
                if (got != null) {
                    assertThat(holds(expected, got)).as(file + ": " + check + " expected " + expected + " got " + got)
                            .isTrue();
                    checked++;
                }
            }
            assertThat(checked).as(file).isGreaterThan(40);
        }
    }

    /** The summary's figure for one truth check, or null for checks the summary does not answer. */
    private static Long figure(JsonNode s, String check, JsonNode fileInfo) {
        if (check.equals("user goroutines")) {
            return s.get("goroutines").asLong();
        }
        Matcher m = STATE.matcher(check);
        if (m.matches()) {
            String state = m.group(1);
            return FIVE.contains(state) ? s.get("states").get(state).asLong() : s.get("waitReasons").path(state).asLong(0);
        }
        if (check.startsWith("goroutines with func ")) {
            String fn = check.substring("goroutines with func ".length());
            for (JsonNode t : s.get("top")) {
                if (t.get("function").asText().equals(fn)) {
                    return t.get("total").asLong();
                }
            }
            return 0L;
        }
        return null;
    }

    private static boolean holds(String expected, long got) {
        Matcher range = Pattern.compile("(\\d+)\\.\\.(\\d+)").matcher(expected);
        if (range.matches()) {
            return got >= Long.parseLong(range.group(1)) && got <= Long.parseLong(range.group(2));
        }
        return expected.equals(String.valueOf(got));
    }

    @Test
    void dumpSummaryHasEveryKeyAndTopIsSortedByTotalThenName() throws Exception {
        JsonNode s = summary("summary", "--json", Go119.file("dump-debug2.txt").toString());
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("file", "format", "goVersion", "goroutines", "states", "waitReasons",
                "distinctStacks", "sampleTypes", "totals", "topSampleType", "top", "groups", "suspects", "warnings");
        assertThat(s.get("goVersion").isNull()).isTrue();
        assertThat(s.get("goroutines").asLong()).isEqualTo(59);
        List<String> states = new ArrayList<>();
        s.get("states").fieldNames().forEachRemaining(states::add);
        assertThat(states).containsExactlyElementsOf(FIVE);
        long sum = 0;
        for (String st : FIVE) {
            sum += s.get("states").get(st).asLong();
        }
        assertThat(sum).isEqualTo(59);
        assertThat(s.get("waitReasons").get("chan receive").asLong()).isEqualTo(18);
        assertThat(s.get("distinctStacks").asInt()).isBetween(2, 59);
        assertThat(s.get("totals").get("goroutine/count").asLong()).isEqualTo(59);
        assertThat(s.get("topSampleType").asText()).isEqualTo("goroutine/count");
        JsonNode top = s.get("top");
        assertThat(top).hasSize(20);
        for (int i = 1; i < top.size(); i++) {
            JsonNode a = top.get(i - 1);
            JsonNode b = top.get(i);
            assertThat(a.get("total").asLong() > b.get("total").asLong()
                    || a.get("total").asLong() == b.get("total").asLong()
                    && a.get("function").asText().compareTo(b.get("function").asText()) < 0).isTrue();
            assertThat(b.get("self").asLong()).isLessThanOrEqualTo(b.get("total").asLong());
        }
        assertThat(summary("summary", "--json", "--top", "3", Go119.file("dump-debug2.txt").toString()).get("top"))
                .hasSize(3);
        assertThat(s.get("warnings").isArray()).isTrue();
    }

    @Test
    void textSummaryReadsLikeTheJson() {
        CliRun r = CliRun.of("summary", Go119.file("dump-debug2.txt").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("goroutines            59", "chan receive 18", "waiting 55",
                "Functions by goroutine/count", "main.leakRecv");
    }

    @Test
    void aDumpHasNoOtherSampleType() {
        CliRun r = CliRun.of("summary", "--sample-type", "cpu", Go119.file("dump-debug2.txt").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(Go119.file("dump-debug2.txt")
                + ": no sample type 'cpu' (a goroutine dump has goroutine/count)");
    }
}
