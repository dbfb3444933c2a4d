package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code summary --json} of an execution trace equals what Go's own trace reader reports for it. */
class TraceSummaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void traceFiguresEqualGosReaderToTheNanosecond() throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI());
        JsonNode want = JSON.readTree(getClass().getResource("/traces/go1.26-leaks-trace.stats.json"));
        CliRun run = CliRun.of("summary", "--json", trace.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode got = JSON.readTree(run.out());
        assertThat(got.get("events").asLong()).isEqualTo(want.get("events").asLong());
        assertThat(got.get("goroutines").asLong()).isEqualTo(want.get("goroutines").asLong());
        assertThat(got.get("durationNs").asLong()).isEqualTo(want.get("duration_ns").asLong());
        assertThat(got.get("gcCount").asLong()).isEqualTo(want.get("gc_cycles").asLong());
        for (String state : new String[] {"idle", "runnable", "running", "syscall", "waiting"}) {
            assertThat(got.get("stateTimeNs").get(state).asLong()).as(state)
                    .isEqualTo(want.get("states_ns").get(state).asLong());
        }
        assertThat(got.get("procs").asInt()).isEqualTo(2);
    }

    @Test
    void aTraceOffersItsCpuSamplesAsTheOnlySampleType() throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI());
        CliRun run = CliRun.of("summary", "--json", "--sample-type", "alloc_space", trace.toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.errLine()).contains("go1.26-leaks-trace.out").contains("cpu/samples");
    }
}
