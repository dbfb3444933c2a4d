package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.app.PprofRaw;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code summary} given several profiles, and the exports' {@code --merge-with}: merged when of one kind, refused
 * with one line otherwise.
 */
class MergedSummaryTest {
    private static Path resource(String name) throws Exception {
        return Path.of(MergedSummaryTest.class.getResource(name).toURI());
    }

    @Test
    void twoCpuProfilesAreSummedAsGoToolPprofMergesThem() throws Exception {
        Path a = resource("/go1.26/cpu.pb.gz");
        Path b = resource("/go1.19/cpu.pb.gz");
        CliRun run = CliRun.of("summary", "--json", a.toString(), b.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        PprofRaw ra = PprofRaw.read(resource("/go1.26/cpu.pprof-raw.txt"));
        PprofRaw rb = PprofRaw.read(resource("/go1.19/cpu.pprof-raw.txt"));
        assertThat(s.get("file").asText()).isEqualTo(a + " + 1 more");
        assertThat(s.get("totals").get("samples/count").asLong()).isEqualTo(ra.total(0) + rb.total(0));
        assertThat(s.get("totals").get("cpu/nanoseconds").asLong()).isEqualTo(ra.total(1) + rb.total(1));
    }

    @Test
    void exportsMergeTheProfilesGivenWithMergeWith() throws Exception {
        Path a = resource("/go1.26/cpu.pb.gz");
        Path b = resource("/go1.19/cpu.pb.gz");
        Path out = Files.createTempFile("merged", ".folded");
        CliRun run = CliRun.of("export-folded", "--merge-with", b.toString(), a.toString(), out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        long sum = Files.readAllLines(out).stream()
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        PprofRaw ra = PprofRaw.read(resource("/go1.26/cpu.pprof-raw.txt"));
        PprofRaw rb = PprofRaw.read(resource("/go1.19/cpu.pprof-raw.txt"));
        assertThat(sum).isEqualTo(ra.total(1) + rb.total(1));
        Files.delete(out);
    }

    @Test
    void profilesOfDifferentKindsAreRefused() throws Exception {
        Path cpu = resource("/go1.19/cpu.pb.gz");
        Path heap = resource("/go1.19/heap.pb.gz");
        CliRun run = CliRun.of("summary", cpu.toString(), heap.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLine()).isEqualTo("cannot merge profiles of different kinds: " + cpu
                + " is a cpu profile, " + heap + " a heap profile");
    }
}
