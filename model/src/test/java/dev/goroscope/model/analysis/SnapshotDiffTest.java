package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    private static GoroutineDump before() {
        return new TestDumps()
                .add(1, "IO wait", 0, null, -1, "internal/poll.runtime_pollWait netpoll.go:305", "main.main main.go:5")
                .add(18, "chan send", 0, "main.main main.go:207", 1, "main.leakSend main.go:21")
                .add(19, "chan send", 0, "main.main main.go:207", 1, "main.leakSend main.go:21")
                .add(30, "sleep", 0, "main.main main.go:230", 1, "time.Sleep time.go:195", "main.tick main.go:60")
                .build();
    }

    private static GoroutineDump after() {
        TestDumps t = new TestDumps()
                .add(1, "IO wait", 0, null, -1, "internal/poll.runtime_pollWait netpoll.go:305", "main.main main.go:5");
        for (int i = 0; i < 5; i++) {
            t.add(18 + i, "chan send", 1, "main.main main.go:207", 1, "main.leakSend main.go:21");
        }
        return t.add(40, "select", 0, "main.main main.go:240", 1, "main.poll main.go:80").build();
    }

    @Test
    void classifiesAndSortsByAbsoluteDelta() {
        DiffKeys keys = new DiffKeys();
        SnapshotDiff diff = SnapshotDiff.of(SnapshotCounts.of(before(), keys), SnapshotCounts.of(after(), keys));
        assertThat(diff.totalBefore()).isEqualTo(4);
        assertThat(diff.totalAfter()).isEqualTo(7);
        List<DiffEntry> e = diff.entries();
        assertThat(e).extracting(DiffEntry::entryFunction)
                .containsExactly("main.leakSend", "main.poll", "main.tick", "main.main");
        assertThat(e.get(0)).isEqualTo(new DiffEntry("main.leakSend", "main.leakSend", "chan send", 2, 5, 3,
                DiffEntry.Change.GROWN));
        assertThat(e.get(1).change()).isEqualTo(DiffEntry.Change.NEW);
        assertThat(e.get(2)).isEqualTo(new DiffEntry("main.tick", "time.Sleep", "sleep", 1, 0, -1,
                DiffEntry.Change.GONE));
        assertThat(e.get(3).change()).isEqualTo(DiffEntry.Change.SAME);
        assertThat(e.get(3).leafFunction()).isEqualTo("internal/poll.runtime_pollWait");
        assertThat(diff.changed()).hasSize(3);
        assertThat(e.stream().mapToLong(DiffEntry::delta).sum()).isEqualTo(diff.totalAfter() - diff.totalBefore());
    }

    @Test
    void differentialTreeCarriesBeforeAndAfterPerNode() {
        DiffTree t = DiffTree.of(before().stackCounts(), after().stackCounts(), DiffTree.Basis.AFTER);
        CallTree tree = t.tree();
        assertThat(t.before(CallTree.ROOT)).isEqualTo(4);
        assertThat(t.after(CallTree.ROOT)).isEqualTo(7);
        assertThat(tree.total(CallTree.ROOT)).isEqualTo(7);
        int send = tree.child(CallTree.ROOT, "main.leakSend");
        assertThat(t.before(send)).isEqualTo(2);
        assertThat(t.after(send)).isEqualTo(5);
        assertThat(t.delta(send)).isEqualTo(3);
        int tick = tree.child(CallTree.ROOT, "main.tick");
        assertThat(tick).isPositive();
        assertThat(t.delta(tick)).isEqualTo(-1);
        assertThat(tree.total(tick)).isZero();
        DiffTree max = DiffTree.of(before().stackCounts(), after().stackCounts(), DiffTree.Basis.MAX);
        assertThat(max.tree().total(max.tree().child(CallTree.ROOT, "main.tick"))).isEqualTo(1);
        int sleep = tree.child(tick, "time.Sleep");
        assertThat(t.beforeSelf(sleep)).isEqualTo(1);
        assertThat(t.afterSelf(sleep)).isZero();
    }

    @Test
    void theBeforeAndAfterFollowTheTreeThroughTransforms() {
        DiffTree diff = DiffTree.of(before().stackCounts(), after().stackCounts(), DiffTree.Basis.MAX);
        assertThat(diff.over(diff.tree())).isSameAs(diff);

        DiffTree inverted = diff.over(CallTree.of(diff.tree().input(), List.of(StackTransform.invert())));
        CallTree callers = inverted.tree();
        assertThat(inverted.before(CallTree.ROOT)).isEqualTo(4);
        assertThat(inverted.after(CallTree.ROOT)).isEqualTo(7);
        assertThat(inverted.delta(callers.child(CallTree.ROOT, "main.leakSend"))).isEqualTo(3);
        int sleep = callers.child(CallTree.ROOT, "time.Sleep");
        assertThat(inverted.delta(sleep)).isEqualTo(-1);
        assertThat(inverted.delta(callers.child(sleep, "main.tick"))).isEqualTo(-1);

        DiffTree dropped = diff.over(CallTree.of(diff.tree().input(),
                List.of(StackTransform.drop(FunctionMatcher.exactly("main.leakSend")))));
        assertThat(dropped.before(CallTree.ROOT)).isEqualTo(2);
        assertThat(dropped.after(CallTree.ROOT)).isEqualTo(2);
        assertThat(dropped.tree().child(CallTree.ROOT, "main.leakSend")).isNegative();

        DiffTree hidden = diff.over(CallTree.of(diff.tree().input(),
                List.of(StackTransform.hide(FunctionMatcher.exactly("main.tick")))));
        assertThat(hidden.delta(hidden.tree().child(CallTree.ROOT, "time.Sleep"))).isEqualTo(-1);

        DiffTree focused = diff.over(CallTree.of(diff.tree().input(),
                List.of(StackTransform.focus(FunctionMatcher.exactly("main.leakSend")))));
        assertThat(focused.delta(CallTree.ROOT)).isEqualTo(3);
    }

    @Test
    void aTreeOfOtherStacksIsRefused() {
        DiffTree diff = DiffTree.of(before().stackCounts(), after().stackCounts(), DiffTree.Basis.MAX);
        CallTree other = CallTree.of(after().stackCounts());
        assertThatThrownBy(() -> diff.over(other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
