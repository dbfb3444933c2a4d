package dev.goroscope.importers.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.analysis.DiffEntry;
import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.analysis.DumpAnalysis;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.LeakRule;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.SeriesRow;
import dev.goroscope.model.analysis.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** A series of real dumps written by samples/progs/growing (see the resources' README). */
class SeriesLoaderTest {
    private static final Path GROWING = Path.of("src/test/resources/series/growing");

    private static JsonNode truth() throws Exception {
        return new ObjectMapper().readTree(GROWING.resolve("truth.json").toFile());
    }

    private static SeriesRow row(SeriesAnalysis a, String entry) {
        return a.rows().stream().filter(r -> r.entryFunction().equals(entry)).findFirst().orElseThrow();
    }

    @Test
    void loadsAFolderInTimeOrderAndSkipsWhatIsNoDump() throws Exception {
        LoadedSeries s = new SeriesLoader().load(List.of(GROWING), Progress.NONE);
        JsonNode truth = truth();
        assertThat(s.snapshots()).extracting(Snapshot::label)
                .containsExactlyElementsOf(() -> truth.findValuesAsText("file").iterator());
        assertThat(s.skipped()).containsExactlyInAnyOrder("README.md", "truth.json");
        assertThat(s.problems()).isEmpty();
        assertThat(s.snapshots().get(0).timeMillis()).isEqualTo(SnapshotTime.fromName(truth.get(0).get("file").asText()));
        SeriesAnalysis a = s.analyse(LeakRules.DEFAULTS);
        for (int t = 0; t < truth.size(); t++) {
            JsonNode step = truth.get(t);
            assertThat(a.total(t)).isEqualTo(step.get("num_goroutine").asLong());
            int at = t;
            step.get("by_entry_function").fields().forEachRemaining(e -> {
                long count = a.rows().stream().filter(r -> r.entryFunction().equals(e.getKey()))
                        .mapToLong(r -> r.counts()[at]).sum();
                assertThat(count).as(e.getKey() + " at step " + (at + 1)).isEqualTo(e.getValue().asLong());
            });
        }
    }

    @Test
    void flagsTheGrowingGroupsWithTheirRates() throws Exception {
        SeriesAnalysis a = new SeriesLoader().load(List.of(GROWING), Progress.NONE).analyse(LeakRules.DEFAULTS);
        SeriesRow send = row(a, "main.leakySend");
        assertThat(send.counts()).containsExactly(3, 6, 9, 12, 15);
        assertThat(send.waitReason()).isEqualTo("chan send");
        assertThat(send.growing()).isTrue();
        assertThat(send.perSnapshot()).isEqualTo(3.0);
        assertThat(send.perMinute()).isGreaterThan(300);
        assertThat(row(a, "main.lockShared").growing()).isFalse();
        assertThat(row(a, "main.napper").counts()).containsExactly(2, 0, 2, 0, 2);
        assertThat(a.growing()).extracting(SeriesRow::entryFunction).containsExactly("main.leakySend");
        SeriesAnalysis lower = new SeriesLoader().load(List.of(GROWING), Progress.NONE)
                .analyse(LeakRules.DEFAULTS.withGrowth(3, 4));
        assertThat(lower.growing()).extracting(SeriesRow::entryFunction)
                .containsExactly("main.leakySend", "main.lockShared");
    }

    @Test
    void anyTwoPointsDiffAndTheGrowthBecomesASuspect() throws Exception {
        LoadedSeries s = new SeriesLoader().load(List.of(GROWING), Progress.NONE);
        SeriesAnalysis a = s.analyse(LeakRules.DEFAULTS);
        List<DiffEntry> d = a.diff(0, 4).changed();
        assertThat(d).extracting(e -> e.entryFunction() + " " + e.delta())
                .containsExactly("main.leakySend 12", "main.lockShared 4");
        assertThat(a.diff(0, 1).changed()).extracting(e -> e.entryFunction() + " " + e.change())
                .containsExactly("main.leakySend GROWN", "main.napper GONE", "main.lockShared GROWN");
        assertThat(a.diffTree(0, 4, DiffTree.Basis.AFTER).delta(0)).isEqualTo(16);
        Snapshot last = a.snapshots().get(4);
        List<LeakSuspect> suspects = DumpAnalysis.of(last.dump(), GroupingOptions.DEFAULT, LeakRules.DEFAULTS,
                List.of(), a).suspects();
        assertThat(suspects).filteredOn(x -> x.rule() == LeakRule.GROWING)
                .extracting(x -> x.entryFunction() + " " + x.count() + " " + x.evidence())
                .containsExactly("main.leakySend 15 3 → 6 → 9 → 12 → 15 over 5 snapshots (+3.0 per snapshot, "
                        + String.format(Locale.ROOT, "%+.1f", row(a, "main.leakySend").perMinute())
                        + " per minute)");
    }

    @Test
    void aSeriesOfGoroutineProfilesCountsTheSame() throws Exception {
        SeriesAnalysis a = new SeriesLoader().load(List.of(GROWING.resolve("profiles-debug1")), Progress.NONE)
                .analyse(LeakRules.DEFAULTS);
        JsonNode truth = truth();
        assertThat(a.snapshots()).extracting(Snapshot::label).containsExactlyElementsOf(
                () -> truth.findValuesAsText("profile_debug1").stream().map(f -> f.substring(f.indexOf('/') + 1)).iterator());
        for (int t = 0; t < truth.size(); t++) {
            int at = t;
            assertThat(a.total(t)).isEqualTo(truth.get(t).get("num_goroutine").asLong());
            truth.get(t).get("by_entry_function").fields().forEachRemaining(e -> assertThat(a.rows().stream()
                    .filter(r -> r.entryFunction().equals(e.getKey())).mapToLong(r -> r.counts()[at]).sum())
                    .as(e.getKey()).isEqualTo(e.getValue().asLong()));
        }
        assertThat(a.growing()).extracting(r -> r.entryFunction() + " " + r.waitReason())
                .containsExactly("main.leakySend ");
    }

    @Test
    void aFileThatCannotBeReadIsAProblemAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("goroutines-1795925009999.txt");
        Files.write(garbage, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(GROWING)) {
            list.filter(p -> p.getFileName().toString().startsWith("goroutines-")).sorted().forEach(files::add);
        }
        files.add(1, garbage);
        LoadedSeries s = new SeriesLoader().load(files, Progress.NONE);
        assertThat(s.snapshots()).hasSize(5);
        assertThat(s.problems()).singleElement().asString().startsWith(garbage.toString() + ": ");
    }

    @Test
    void nothingReadableIsAnImportExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        assertThatThrownBy(() -> new SeriesLoader().load(List.of(text), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith(text.toString() + ": ")
                .hasMessageContaining("no goroutine dump or goroutine profile in 1 file(s)");
    }

    @Test
    void timesFromNamesInSecondsMillisMicrosNanos() {
        assertThat(SnapshotTime.fromName("goroutines-1732850400.log")).isEqualTo(1_732_850_400_000L);
        assertThat(SnapshotTime.fromName("goroutine-1732850400123.pb.gz")).isEqualTo(1_732_850_400_123L);
        assertThat(SnapshotTime.fromName("g-1732850400123456.txt")).isEqualTo(1_732_850_400_123L);
        assertThat(SnapshotTime.fromName("g-1732850400123456789-v2.txt")).isEqualTo(1_732_850_400_123L);
        assertThat(SnapshotTime.fromName("dump-42.txt")).isEqualTo(-1);
    }
}
