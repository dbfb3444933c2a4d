package dev.goroscope.model.calltree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTreeTest {
    /** Stacks written root-first as "a;b;c". */
    static WeightedStacks stacks(Object... stackThenWeight) {
        StackTable table = new StackTable();
        int n = stackThenWeight.length / 2;
        int[] s = new int[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            String[] names = ((String) stackThenWeight[2 * i]).split(";");
            int[] frames = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                frames[k] = table.frames().intern(names[k], "x.go", 1);
            }
            s[i] = table.internRootFirst(frames, frames.length);
            w[i] = ((Number) stackThenWeight[2 * i + 1]).longValue();
        }
        return new WeightedStacks(table, s, w, "goroutines");
    }

    static final WeightedStacks SAMPLE = stacks(
            "main;a;b", 3,
            "main;a;c", 2,
            "main;d;b", 5,
            "main;b;b;e", 1);

    @Test
    void totalsAndSelfAddUp() {
        CallTree t = CallTree.of(SAMPLE);
        assertThat(t.total(CallTree.ROOT)).isEqualTo(11);
        int main = t.child(CallTree.ROOT, "main");
        assertThat(t.total(main)).isEqualTo(11);
        int a = t.child(main, "a");
        assertThat(t.total(a)).isEqualTo(5);
        assertThat(t.self(t.child(a, "b"))).isEqualTo(3);
        assertThat(t.pathOf(t.child(a, "c"))).containsExactly("main", "a", "c");
    }

    @Test
    void childrenAreSortedByNameInPreorder() {
        CallTree t = CallTree.of(SAMPLE);
        int main = t.child(CallTree.ROOT, "main");
        assertThat(t.name(t.firstChild(main))).isEqualTo("a");
        assertThat(t.name(t.nextSibling(t.firstChild(main)))).isEqualTo("b");
        for (int n = 1; n < t.size(); n++) {
            assertThat(t.parent(n)).isLessThan(n);
            assertThat(t.isInSubtree(n, t.parent(n))).isTrue();
        }
    }

    @Test
    void focusReRootsAtOutermostCallMerged() {
        CallTree t = CallTree.of(SAMPLE, List.of(StackTransform.focus(FunctionMatcher.exactly("b"))));
        assertThat(t.total(CallTree.ROOT)).isEqualTo(3 + 5 + 1);
        int b = t.child(CallTree.ROOT, "b");
        assertThat(t.total(b)).isEqualTo(9);
        assertThat(t.total(t.child(b, "b"))).isEqualTo(1);
    }

    @Test
    void isolateKeepsWholeStacksThroughTheFunction() {
        CallTree t = CallTree.of(SAMPLE, List.of(StackTransform.isolate(FunctionMatcher.exactly("d"))));
        assertThat(t.total(CallTree.ROOT)).isEqualTo(5);
        assertThat(t.pathOf(t.find(List.of("main", "d", "b")))).containsExactly("main", "d", "b");
    }

    @Test
    void hideMovesChildrenUpAndDropRemovesStacks() {
        CallTree hidden = CallTree.of(SAMPLE, List.of(StackTransform.hide(FunctionMatcher.exactly("a"))));
        int main = hidden.child(CallTree.ROOT, "main");
        assertThat(hidden.total(hidden.child(main, "b"))).isEqualTo(3 + 1);
        assertThat(hidden.total(hidden.child(main, "c"))).isEqualTo(2);
        assertThat(hidden.total(CallTree.ROOT)).isEqualTo(11);

        CallTree dropped = CallTree.of(SAMPLE, List.of(StackTransform.drop(FunctionMatcher.regex("^[bc]$"))));
        assertThat(dropped.total(CallTree.ROOT)).isEqualTo(0);
        CallTree droppedC = CallTree.of(SAMPLE, List.of(StackTransform.drop(FunctionMatcher.exactly("c"))));
        assertThat(droppedC.total(CallTree.ROOT)).isEqualTo(9);
    }

    @Test
    void invertPutsLeavesAtTheRoot() {
        CallTree t = CallTree.of(SAMPLE, List.of(StackTransform.invert()));
        assertThat(t.total(t.child(CallTree.ROOT, "b"))).isEqualTo(8);
        assertThat(t.total(t.child(CallTree.ROOT, "e"))).isEqualTo(1);
        assertThat(t.total(t.find(List.of("b", "d", "main")))).isEqualTo(5);
    }

    @Test
    void leafOfEntryFollowsTransforms() {
        CallTree t = CallTree.of(SAMPLE, List.of(StackTransform.drop(FunctionMatcher.exactly("d"))));
        assertThat(t.leafOfEntry(2)).isEqualTo(-1);
        assertThat(t.pathOf(t.leafOfEntry(0))).containsExactly("main", "a", "b");
    }

    @Test
    void searchCountsEachStackOnce() {
        CallTree t = CallTree.of(SAMPLE);
        CallTreeSearch s = CallTreeSearch.run(t, java.util.regex.Pattern.compile("^b$"), CallTree.ROOT);
        assertThat(s.matchedWeight()).isEqualTo(3 + 5 + 1);
        assertThat(s.percent()).isEqualTo(100.0 * 9 / 11);
    }
}
