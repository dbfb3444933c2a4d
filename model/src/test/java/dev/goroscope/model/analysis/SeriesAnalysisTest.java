package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineDump;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAnalysisTest {
    /** Step {@code s}: 1 main goroutine, 3·s leaked senders, and a worker pool that shrinks and grows. */
    private static GoroutineDump step(int s) {
        TestDumps t = new TestDumps().add(1, "IO wait", 0, null, -1, "main.main main.go:5");
        for (int i = 0; i < 3 * s; i++) {
            t.add(100 + i, "chan send", s, "main.main main.go:20", 1, "main.leak main.go:30");
        }
        for (int i = 0; i < (s % 2 == 0 ? 4 : 2); i++) {
            t.add(1000 + i, "select", 0, "main.main main.go:21", 1, "main.worker main.go:40");
        }
        return t.build();
    }

    private static SeriesAnalysis series(LeakRules rules) {
        DiffKeys keys = new DiffKeys();
        List<Snapshot> snaps = new ArrayList<>();
        for (int s = 4; s >= 1; s--) {
            snaps.add(Snapshot.ofDump("goroutines-" + s + ".txt", 1_700_000_000_000L + s * 60_000L, step(s), keys));
        }
        return SeriesAnalysis.of(snaps, rules);
    }

    @Test
    void flagsMonotonicGrowthWithRates() {
        SeriesAnalysis a = series(LeakRules.DEFAULTS.withGrowth(3, 5));
        assertThat(a.snapshots()).extracting(Snapshot::label)
                .containsExactly("goroutines-1.txt", "goroutines-2.txt", "goroutines-3.txt", "goroutines-4.txt");
        assertThat(a.total(0)).isEqualTo(6);
        assertThat(a.total(3)).isEqualTo(17);
        SeriesRow leak = a.rows().get(0);
        assertThat(leak.entryFunction()).isEqualTo("main.leak");
        assertThat(leak.counts()).containsExactly(3, 6, 9, 12);
        assertThat(leak.growing()).isTrue();
        assertThat(leak.perSnapshot()).isEqualTo(3.0);
        assertThat(leak.perMinute()).isEqualTo(3.0);
        assertThat(a.growing()).hasSize(1);
        SeriesRow worker = a.rows().stream().filter(r -> r.entryFunction().equals("main.worker")).findFirst().orElseThrow();
        assertThat(worker.counts()).containsExactly(2, 4, 2, 4);
        assertThat(worker.growing()).isFalse();
    }

    @Test
    void growthNeedsEnoughIncreaseAndSnapshots() {
        assertThat(series(LeakRules.DEFAULTS.withGrowth(3, 10)).growing()).isEmpty();
        assertThat(series(LeakRules.DEFAULTS.withGrowth(5, 1)).growing()).isEmpty();
    }

    @Test
    void anyTwoPointsDiff() {
        SeriesAnalysis a = series(LeakRules.DEFAULTS);
        SnapshotDiff d = a.diff(0, 3);
        assertThat(d.entries().get(0).delta()).isEqualTo(9);
        assertThat(a.diffTree(0, 3, DiffTree.Basis.AFTER).delta(0)).isEqualTo(11);
    }
}
