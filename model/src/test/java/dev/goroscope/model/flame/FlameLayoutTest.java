package dev.goroscope.model.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlameLayoutTest {
    private static WeightedStacks sample() {
        StackTable t = new StackTable();
        String[][] stacks = {{"main", "a", "b"}, {"main", "a", "c"}, {"main", "d"}, {"main", "a", "b", "e"}};
        long[] weights = {300, 100, 590, 10};
        int[] ids = new int[stacks.length];
        for (int i = 0; i < stacks.length; i++) {
            int[] frames = new int[stacks[i].length];
            for (int k = 0; k < frames.length; k++) {
                frames[k] = t.frames().intern(stacks[i][k], "m.go", 1);
            }
            ids[i] = t.internRootFirst(frames, frames.length);
        }
        return new WeightedStacks(t, ids, weights, "goroutines");
    }

    @Test
    void childWidthsSumToTheParentsWidthMinusSelf() {
        CallTree tree = CallTree.of(sample());
        FlameLayout l = FlameLayout.compute(tree, CallTree.ROOT, 1000, 0);
        assertThat(l.count()).isEqualTo(tree.size());
        for (int b = 0; b < l.count(); b++) {
            int n = l.node(b);
            double children = 0;
            for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                children += l.width(l.boxOf(c));
                assertThat(l.x(l.boxOf(c))).isBetween(l.x(b) - 1e-9, l.x(b) + l.width(b) + 1e-9);
            }
            assertThat(children + tree.self(n) * 1000.0 / tree.total(CallTree.ROOT)).isCloseTo(l.width(b), within(1e-6));
        }
    }

    @Test
    void zoomSpansTheWidthAndKeepsAncestorsAboveIt() {
        CallTree tree = CallTree.of(sample());
        int a = tree.find(List.of("main", "a"));
        FlameLayout l = FlameLayout.compute(tree, a, 800, 0);
        assertThat(l.width(l.boxOf(a))).isEqualTo(800);
        assertThat(l.isAncestor(l.boxOf(tree.find(List.of("main"))))).isTrue();
        assertThat(l.boxOf(tree.find(List.of("main", "d")))).isEqualTo(-1);
        int b = tree.find(List.of("main", "a", "b"));
        assertThat(l.width(l.boxOf(b))).isCloseTo(800.0 * 310 / 410, within(1e-9));
    }

    @Test
    void boxesNarrowerThanTheMinimumAreDroppedWithTheirSubtrees() {
        CallTree tree = CallTree.of(sample());
        FlameLayout l = FlameLayout.compute(tree, CallTree.ROOT, 100, 2);
        assertThat(l.boxOf(tree.find(List.of("main", "a", "b", "e")))).isEqualTo(-1);
        assertThat(l.boxOf(tree.find(List.of("main", "a", "b")))).isGreaterThanOrEqualTo(0);
        assertThat(l.boxAt(99, 2)).isEqualTo(l.boxOf(tree.find(List.of("main", "d"))));
    }
}
