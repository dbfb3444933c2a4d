package dev.goroscope.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TraceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real v2 traces read by us and by Go's own reader: {@code samples/progs/tracestats} (golang.org/x/exp/trace) wrote
 * the {@code .stats.json} next to each trace. Counts and per-goroutine state times must agree to the nanosecond.
 */
class V2ConformanceTest {
    static List<Path> traces() {
        return TraceFiles.list("v2", ".trace");
    }

    static JsonNode stats(Path trace) throws IOException {
        String base = trace.getFileName().toString().replaceFirst("\\.trace$", "");
        return new ObjectMapper().readTree(Files.readAllBytes(trace.resolveSibling(base + ".stats.json")));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void countsMatchGo(Path trace) throws Exception {
        Dataset d = TraceFiles.read(trace.toString(), TraceFiles.bytes(trace));
        assertThat(d.warnings()).isEmpty();
        assertSameCounts(d.timeline(), stats(trace));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void everyGoroutineSpendsTheSameTimeInEachState(Path trace) throws Exception {
        Timeline t = TraceFiles.read(trace.toString(), TraceFiles.bytes(trace)).timeline();
        assertSameStateTimes(t, stats(trace));
    }

    /** Events, goroutines, first event, duration, GC cycles, state and wait-reason totals equal Go's. */
    static void assertSameCounts(Timeline t, JsonNode want) {
        TraceSummary s = TraceSummary.of(t, List.of());
        assertThat(s.events()).as("events").isEqualTo(want.get("events").asLong());
        assertThat(s.goroutines()).as("goroutines").isEqualTo(want.get("goroutines").asInt());
        assertThat(t.startNs()).as("first event").isEqualTo(want.get("first_event_ns").asLong());
        assertThat(s.durationNs()).as("duration").isEqualTo(want.get("duration_ns").asLong());
        assertThat(s.gcCount()).as("GC cycles").isEqualTo(want.get("gc_cycles").asInt());
        for (String state : List.of("idle", "runnable", "running", "syscall", "waiting")) {
            assertThat(s.stateTimeNs().get(state)).as(state).isEqualTo(want.get("states_ns").get(state).asLong());
        }
        assertThat(s.waitReasonTimeNs()).isEqualTo(toMap(want.get("wait_reasons_ns")));
    }

    /** Each goroutine's time per state equals Go's to the nanosecond. */
    static void assertSameStateTimes(Timeline t, JsonNode want) {
        JsonNode perG = want.get("per_goroutine");
        Goroutines gs = t.goroutines();
        Map<String, Map<String, Long>> ours = new HashMap<>();
        for (int g = 0; g < gs.size(); g++) {
            long[] byState = gs.lane(g).timeByState(Long.MIN_VALUE, Long.MAX_VALUE);
            Map<String, Long> m = new HashMap<>();
            for (GoroutineState st : GoroutineState.values()) {
                m.put(st.label(), byState[st.ordinal()]);
            }
            ours.put(Long.toString(gs.id(g)), m);
        }
        Map<String, Map<String, Long>> theirs = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = perG == null ? java.util.Collections.emptyIterator()
                : perG.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            theirs.put(e.getKey(), toMap(e.getValue().get("states_ns")));
        }
        assertThat(ours).isEqualTo(theirs);
    }

    private static Map<String, Long> toMap(JsonNode obj) {
        Map<String, Long> m = new HashMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }
}
