package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on real pprof profiles, checked against {@code go tool pprof -raw} of the same files. */
class ProfileCommandsTest {
    @TempDir
    Path dir;

    /** Sums per "type/unit" of the samples {@code go tool pprof -raw} lists. */
    static Map<String, Long> rawTotals(Path raw) throws Exception {
        List<String> lines = Files.readAllLines(raw);
        Map<String, Long> totals = new LinkedHashMap<>();
        String[] types = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("Samples:")) {
                types = lines.get(i + 1).trim().replace("[dflt]", "").split("\\s+");
                for (String t : types) {
                    totals.put(t, 0L);
                }
                i++;
            } else if (types != null && (l.startsWith("Locations") || l.startsWith("Mappings"))) {
                break;
            } else if (types != null && l.matches("^\\s+-?\\d+(\\s+-?\\d+)*:.*")) {
                String[] values = l.substring(0, l.indexOf(':')).trim().split("\\s+");
                for (int k = 0; k < values.length && k < types.length; k++) {
                    totals.merge(types[k], Long.parseLong(values[k]), Long::sum);
                }
            }
        }
        return totals;
    }

    @Test
    void profileTotalsEqualGoToolPprofRaw() throws Exception {
        for (String name : List.of("goroutine", "cpu", "heap")) {
            JsonNode s = SummaryCommandTest.summary("summary", "--json", Go119.file(name + ".pb.gz").toString());
            Map<String, Long> want = rawTotals(Go119.file(name + ".pprof-raw.txt"));
            assertThat(want).as(name).isNotEmpty();
            Map<String, Long> got = new LinkedHashMap<>();
            s.get("totals").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
            assertThat(got).as(name).isEqualTo(want);
            List<String> types = new ObjectMapper().convertValue(s.get("sampleTypes"), List.class);
            assertThat(types).containsExactlyElementsOf(want.keySet());
        }
    }

    @Test
    void aGoroutineProfileCountsItsGoroutinesAndRanksByTheDefaultType() throws Exception {
        JsonNode goroutine = SummaryCommandTest.summary("summary", "--json", Go119.file("goroutine.pb.gz").toString());
        assertThat(goroutine.get("goroutines").asLong()).isEqualTo(59);
        assertThat(goroutine.get("topSampleType").asText()).isEqualTo("goroutine/count");
        JsonNode heap = SummaryCommandTest.summary("summary", "--json", Go119.file("heap.pb.gz").toString());
        assertThat(heap.get("goroutines").isNull()).isTrue();
        assertThat(heap.get("topSampleType").asText()).isEqualTo("inuse_space/bytes");
        JsonNode alloc = SummaryCommandTest.summary("summary", "--json", "--sample-type", "alloc_space",
                Go119.file("heap.pb.gz").toString());
        assertThat(alloc.get("topSampleType").asText()).isEqualTo("alloc_space/bytes");
        assertThat(alloc.get("top").get(0).get("total").asLong())
                .isLessThanOrEqualTo(alloc.get("totals").get("alloc_space/bytes").asLong());
    }

    @Test
    void anUnknownSampleTypeNamesTheOnesTheProfileHas() {
        CliRun r = CliRun.of("export-svg", Go119.file("cpu.pb.gz").toString(), dir.resolve("x.svg").toString(),
                "--sample-type", "alloc_space");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(Go119.file("cpu.pb.gz")
                + ": no sample type 'alloc_space' (it has samples/count, cpu/nanoseconds)");
    }

    @Test
    void exportsOfACpuProfileKeepItsTotal() throws Exception {
        Path folded = dir.resolve("cpu.folded");
        Path speedscope = dir.resolve("cpu.json");
        Path svg = dir.resolve("cpu.svg");
        assertThat(CliRun.of("export-folded", Go119.file("cpu.pb.gz").toString(), folded.toString()).code()).isZero();
        assertThat(CliRun.of("export-speedscope", Go119.file("cpu.pb.gz").toString(), speedscope.toString()).code())
                .isZero();
        assertThat(CliRun.of("export-svg", Go119.file("cpu.pb.gz").toString(), svg.toString()).code()).isZero();
        long cpu = rawTotals(Go119.file("cpu.pprof-raw.txt")).get("cpu/nanoseconds");
        long sum = Files.readAllLines(folded).stream()
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(sum).isEqualTo(cpu);
        JsonNode profile = new ObjectMapper().readTree(speedscope.toFile()).get("profiles").get(0);
        assertThat(profile.get("unit").asText()).isEqualTo("nanoseconds");
        assertThat(profile.get("endValue").asLong()).isEqualTo(cpu);
        assertThat(Files.readString(svg)).contains("cpu.pb.gz — cpu/nanoseconds");
    }
}
