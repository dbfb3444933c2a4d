package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineDump;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of the analyses over random dumps drawn from a few functions, lines, states and creators. */
class AnalysisPropertiesTest {
    private static final String[] STATUS = {"chan receive", "chan send", "select", "running", "semacquire"};

    private static GoroutineDump dump(List<@IntRange(min = 0, max = 999) Integer> genes) {
        TestDumps t = new TestDumps();
        for (int i = 0; i < genes.size(); i++) {
            int x = genes.get(i);
            String[] frames = new String[1 + x % 3];
            for (int f = 0; f < frames.length; f++) {
                frames[f] = "main.f" + ((x / 3 + f) % 4) + " main.go:" + (10 + (x / 7 + f) % 3);
            }
            t.add(100 + i, STATUS[x % STATUS.length], x % 90, "main.main main.go:" + (x % 2), x % 5 == 0 ? -1 : 1,
                    frames);
        }
        return t.build();
    }

    @Property(tries = 200)
    void everyGroupingPartitionsTheDumpAndCoarserNeverSplitsFiner(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999) Integer> genes,
            @ForAll @IntRange(min = 0, max = 3) int top) {
        GoroutineDump d = dump(genes);
        GoroutineGroups lines = GoroutineGroups.of(d);
        GoroutineGroups functions = GoroutineGroups.of(d, new GroupingOptions(GroupingOptions.StackMatch.FUNCTIONS,
                GroupingOptions.ArgumentMatch.ANY, top));
        for (GoroutineGroups groups : List.of(lines, functions)) {
            int sum = 0;
            for (int k = 0; k < groups.size(); k++) {
                sum += groups.count(k);
                for (int m : groups.members(k)) {
                    assertThat(d.state(m)).isEqualTo(d.state(groups.representative(k)));
                    assertThat(d.waitReason(m)).isEqualTo(d.waitReason(groups.representative(k)));
                }
            }
            assertThat(sum).isEqualTo(d.size());
        }
        assertThat(functions.size()).isLessThanOrEqualTo(lines.size());
        for (int g = 0; g < d.size(); g++) {
            for (int h = 0; h < d.size(); h++) {
                if (lines.groupOf(g) == lines.groupOf(h)) {
                    assertThat(functions.groupOf(g)).isEqualTo(functions.groupOf(h));
                }
            }
        }
        CreationTree tree = CreationTree.of(d);
        assertThat(tree.total(CreationTree.ROOT)).isEqualTo(d.size());
    }

    @Property(tries = 200)
    void diffDeltasAddUpAndTheDiffTreeRootMatchesTotals(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 999) Integer> a,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 999) Integer> b) {
        GoroutineDump before = dump(a);
        GoroutineDump after = dump(b);
        DiffKeys keys = new DiffKeys();
        SnapshotDiff diff = SnapshotDiff.of(SnapshotCounts.of(before, keys), SnapshotCounts.of(after, keys));
        assertThat(diff.entries().stream().mapToLong(DiffEntry::delta).sum()).isEqualTo(b.size() - a.size());
        assertThat(diff.entries().stream().mapToLong(DiffEntry::before).sum()).isEqualTo(a.size());
        for (int i = 1; i < diff.entries().size(); i++) {
            assertThat(Math.abs(diff.entries().get(i - 1).delta())).isGreaterThanOrEqualTo(
                    Math.abs(diff.entries().get(i).delta()));
        }
        DiffTree t = DiffTree.of(before.stackCounts(), after.stackCounts(), DiffTree.Basis.MAX);
        assertThat(t.before(0)).isEqualTo(a.size());
        assertThat(t.after(0)).isEqualTo(b.size());
        for (int n = 1; n < t.tree().size(); n++) {
            assertThat(t.tree().total(n)).isGreaterThanOrEqualTo(Math.max(t.before(n), t.after(n)));
        }
    }
}
