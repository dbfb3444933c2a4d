package dev.goroscope.model.calltree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.calltree.FunctionTotals.Entry;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FunctionTotalsTest {
    @Test
    void totalCountsEachStackOnceAndSelfCountsTheInnermostFrame() {
        FunctionTotals t = FunctionTotals.of(CallTreeTest.SAMPLE);
        assertThat(t.total("main")).isEqualTo(11);
        assertThat(t.self("main")).isZero();
        assertThat(t.total("b")).isEqualTo(3 + 5 + 1);
        assertThat(t.self("b")).isEqualTo(3 + 5);
        assertThat(t.total("e")).isEqualTo(1);
        assertThat(t.self("e")).isEqualTo(1);
        assertThat(t.total("a")).isEqualTo(5);
    }

    @Test
    void recursionIsCountedOncePerStack() {
        FunctionTotals t = FunctionTotals.of(CallTreeTest.stacks("main;r;r;r;r", 7, "main;r", 2));
        assertThat(t.total("r")).isEqualTo(9);
        assertThat(t.self("r")).isEqualTo(9);
    }

    @Test
    void topSortsByTotalThenNameAndHonoursTheLimit() {
        FunctionTotals t = FunctionTotals.of(CallTreeTest.SAMPLE);
        assertThat(t.top(0)).containsExactly(
                new Entry("main", 0, 11),
                new Entry("b", 8, 9),
                new Entry("a", 0, 5),
                new Entry("d", 0, 5),
                new Entry("c", 2, 2),
                new Entry("e", 1, 1));
        assertThat(t.top(3)).extracting(Entry::function).containsExactly("main", "b", "a");
        assertThat(t.top(100)).hasSize(6);
    }

    @Test
    void zeroWeightsEmptyStacksAndUnknownNamesContributeNothing() {
        StackTable table = new StackTable();
        int main = table.frames().intern("main", "m.go", 1);
        int idle = table.frames().intern("idle", "i.go", 2);
        int withIdle = table.internRootFirst(new int[] {main, idle}, 2);
        int onlyMain = table.internRootFirst(new int[] {main}, 1);
        var in = new WeightedStacks(table, new int[] {withIdle, onlyMain, StackTable.EMPTY},
                new long[] {0, 4, 6}, "goroutines");
        FunctionTotals t = FunctionTotals.of(in);
        assertThat(t.top(0)).containsExactly(new Entry("main", 4, 4));
        assertThat(t.total("idle")).isZero();
        assertThat(t.total("nowhere")).isZero();
        assertThat(t.self("nowhere")).isZero();
    }

    @Test
    void framesOfOneFunctionAtDifferentLinesAreOneFunction() {
        StackTable table = new StackTable();
        int a1 = table.frames().intern("a", "a.go", 10);
        int a2 = table.frames().intern("a", "a.go", 20);
        int s = table.internRootFirst(new int[] {a1, a2}, 2);
        int u = table.internRootFirst(new int[] {a2}, 1);
        FunctionTotals t = FunctionTotals.of(new WeightedStacks(table, new int[] {s, u}, new long[] {3, 2}, "x"));
        assertThat(t.top(0)).containsExactly(new Entry("a", 5, 5));
    }

    @Provide
    Arbitrary<WeightedStacks> stacks() {
        return new CallTreePropertiesTest().stacks();
    }

    @Property
    void totalsMatchABruteForceCountAndSelvesAddUpToTheWeight(@ForAll("stacks") WeightedStacks in) {
        FunctionTotals t = FunctionTotals.of(in);
        var names = in.stacks().frames().strings();
        long selfSum = 0;
        for (Entry e : t.top(0)) {
            int id = names.find(e.function());
            long through = 0;
            long innermost = 0;
            for (int i = 0; i < in.size(); i++) {
                int s = in.stack()[i];
                if (in.stacks().containsFunction(s, id)) {
                    through += in.weight()[i];
                }
                if (s != StackTable.EMPTY && in.stacks().frames().function(in.stacks().frame(s)) == id) {
                    innermost += in.weight()[i];
                }
            }
            assertThat(e.total()).isEqualTo(through);
            assertThat(e.self()).isEqualTo(innermost).isLessThanOrEqualTo(e.total());
            selfSum += e.self();
        }
        long nonEmpty = 0;
        for (int i = 0; i < in.size(); i++) {
            if (in.stack()[i] != StackTable.EMPTY) {
                nonEmpty += in.weight()[i];
            }
        }
        assertThat(selfSum).isEqualTo(nonEmpty);
        List<Entry> sorted = new ArrayList<>(t.top(0));
        sorted.sort(FunctionTotals.BY_TOTAL);
        assertThat(t.top(0)).isEqualTo(sorted);
    }

    @Property
    void topWithALimitIsAPrefixOfTheWholeList(@ForAll("stacks") WeightedStacks in,
            @ForAll("limits") int limit) {
        FunctionTotals t = FunctionTotals.of(in);
        List<Entry> all = t.top(0);
        assertThat(t.top(limit)).isEqualTo(all.subList(0, Math.min(limit, all.size())));
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 8);
    }
}
