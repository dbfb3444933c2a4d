package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.FrameTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own Go 1.26 captures (samples/captures/go1.26) against their truth.json, which the capturing
 * program wrote from the goroutines it planted: every check about a dump or a debug=1 profile that the model
 * can answer (totals, states, wait reasons, functions, locked, leaked, elided, labels, ancestors, recursion).
 */
class Go126SamplesTest {
    private static final Path CAPTURES = Path.of("..", "samples", "captures", "go1.26");
    private static final Pattern STATE = Pattern.compile("state \"(.*)\"");
    private static final Pattern LABEL = Pattern.compile("goroutines with label ([^=]+)=(\\S+)( .*)?");
    private static final Pattern RECURSION = Pattern.compile("recursion (\\S+) depth (\\d+)");

    static List<String> files() throws Exception {
        JsonNode files = truth().get("files");
        List<String> out = new ArrayList<>();
        files.fieldNames().forEachRemaining(name -> {
            String format = files.get(name).path("format").asText();
            if (format.equals("runtime traceback") || format.endsWith("debug=1")) {
                out.add(name);
            }
        });
        if (Files.exists(CAPTURES.resolve("dump-debug2.txt.gz"))) {
            out.add("dump-debug2.txt.gz");
        }
        return out;
    }

    private static JsonNode truth() throws Exception {
        return new ObjectMapper().readTree(CAPTURES.resolve("truth.json").toFile());
    }

    @ParameterizedTest
    @MethodSource("files")
    void checksHold(String file) throws Exception {
        Dataset data = Importers.all().open(CAPTURES.resolve(file));
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (JsonNode c : truth().get("checks")) {
            if (!c.get("file").asText().equals(file)) {
                continue;
            }
            String check = c.get("check").asText();
            Long got = data.dump() != null ? answer(data.dump(), check) : answer(data.profiles().get(0), check);
            if (got != null) {
                checked++;
                soft.assertThat(Go119TruthTest.holds(c.get("expected").asText(), got))
                        .as("%s: %s expected %s got %d", file, check, c.get("expected").asText(), got).isTrue();
            }
        }
        soft.assertThat(data.warnings()).as("warnings").isEmpty();
        soft.assertAll();
        assertThat(checked).as("checks answered").isGreaterThanOrEqualTo(file.equals("fatal.txt") ? 9 : 20);
    }

    private static Long answer(GoroutineDump d, String check) {
        Matcher state = STATE.matcher(check);
        Matcher label = LABEL.matcher(check);
        Matcher recursion = RECURSION.matcher(check);
        if (check.equals("total")) {
            return (long) d.size();
        } else if (check.startsWith("user goroutines")) {
            return (long) (d.size() - Fixtures.withFlag(d, GoroutineDump.SYSTEM));
        } else if (state.matches()) {
            return (long) Go119TruthTest.countStatus(d, state.group(1));
        } else if (check.startsWith("goroutines with func ")) {
            return (long) Fixtures.withFunction(d, check.substring("goroutines with func ".length()));
        } else if (check.equals("goroutines locked to thread")) {
            return (long) Fixtures.withFlag(d, GoroutineDump.LOCKED_TO_THREAD);
        } else if (check.equals("goroutines marked (leaked)")) {
            return (long) Fixtures.withFlag(d, GoroutineDump.LEAKED);
        } else if (check.startsWith("goroutines with \"...N frames elided...\"")) {
            return (long) Fixtures.withFlag(d, GoroutineDump.FRAMES_ELIDED);
        } else if (check.startsWith("ancestor blocks")) {
            return (long) d.ancestors().size();
        } else if (label.matches()) {
            String pair = "\"" + label.group(1) + "\": \"" + label.group(2) + "\"";
            return java.util.stream.IntStream.range(0, d.size())
                    .filter(g -> d.labels(g) != null && d.labels(g).contains(pair)).count();
        } else if (recursion.matches()) {
            return recursionCount(d, recursion.group(1), Integer.parseInt(recursion.group(2)));
        }
        return null;
    }

    private static Long answer(Profile p, String check) {
        if (check.equals("total") || check.startsWith("sum of group counts")) {
            return p.total(0);
        }
        if (check.startsWith("goroutines with func ")) {
            int fn = p.stacks().frames().strings().find(check.substring("goroutines with func ".length()));
            long n = 0;
            for (int s = 0; s < p.sampleCount(); s++) {
                if (fn >= 0 && p.stacks().containsFunction(p.sampleStack()[s], fn)) {
                    n += p.values()[0][s];
                }
            }
            return n;
        }
        return null;
    }

    /** Goroutines with exactly {@code depth} frames of {@code function}. */
    private static long recursionCount(GoroutineDump d, String function, int depth) {
        FrameTable ft = d.stacks().frames();
        long n = 0;
        for (int g = 0; g < d.size(); g++) {
            int k = 0;
            for (int f : d.stacks().framesRootFirst(d.stack(g))) {
                if (ft.functionName(f).equals(function)) {
                    k++;
                }
            }
            if (k == depth) {
                n++;
            }
        }
        return n;
    }
}
