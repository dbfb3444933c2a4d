package dev.goroscope.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.timeline.Annotations;
import dev.goroscope.model.timeline.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * v1 traces (Go 1.5–1.21) from Go's own test data and elsewhere. Where go1.19.8's {@code go tool trace -d} could
 * read them, the event count and the time of the last event must equal what it printed
 * ({@code expected-go1.19.8.csv}); every other one must read without a warning.
 */
class V1ConformanceTest {
    static Stream<Arguments> expected() {
        String csv = new String(TraceFiles.bytes(TraceFiles.dir("v1").resolve("expected-go1.19.8.csv")),
                StandardCharsets.UTF_8);
        return csv.lines().filter(l -> !l.startsWith("#") && !l.endsWith(",not-copied")).map(l -> l.split(","))
                .map(f -> Arguments.of(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
    }

    static List<Path> traces() {
        return TraceFiles.list("v1", "").stream().filter(p -> !p.toString().endsWith(".csv")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void eventCountAndLastEventMatchGoToolTrace(String file, long events, long lastNs) throws Exception {
        Path p = TraceFiles.dir("v1").resolve(file);
        Dataset d = TraceFiles.read(file, TraceFiles.bytes(p));
        Timeline t = d.timeline();
        assertThat(d.warnings()).isEmpty();
        assertThat(t.eventCount()).as("events").isEqualTo(events);
        assertThat(t.startNs()).isZero();
        assertThat(t.endNs()).as("last event").isEqualTo(lastNs);
    }

    @Test
    void userAnnotationsAreRead() throws Exception {
        Path p = TraceFiles.dir("v1").resolve("user_task_region_1_21_good");
        Timeline t = TraceFiles.read("t", TraceFiles.bytes(p)).timeline();
        Annotations a = t.annotations();
        Set<String> regions = new TreeSet<>();
        for (int i = 0; i < a.regionCount(); i++) {
            regions.add(t.strings().get(a.regionName(i)));
        }
        assertThat(regions).containsExactly("post-existing region", "region0", "region1");
        assertThat(a.taskCount()).isEqualTo(1);
        assertThat(t.strings().get(a.taskName(0))).isEqualTo("task0");
        assertThat(a.logCount()).isEqualTo(1);
        assertThat(a.logTask(0)).isEqualTo(1);
        assertThat(t.strings().get(a.logCategory(0))).isEqualTo("key0");
        assertThat(t.strings().get(a.logMessage(0))).isEqualTo("0123456789abcdef");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void readsWithGoroutinesAndNoWarning(Path p) throws Exception {
        Dataset d = TraceFiles.read(p.getFileName().toString(), TraceFiles.bytes(p));
        if (p.getFileName().toString().endsWith("unordered")) {
            assertThat(d.warnings()).anyMatch(w -> w.startsWith("time stamps out of order"));
        } else {
            assertThat(d.warnings()).isEmpty();
        }
        assertThat(d.timeline().goroutines().size()).isPositive();
        assertThat(d.timeline().procCount()).isPositive();
    }
}
