package dev.goroscope.model.calltree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws every call tree and transform obeys, over random stacks of a small alphabet of functions. */
class CallTreePropertiesTest {
    private static final List<String> NAMES = List.of("main", "a", "b", "c", "d", "runtime.gopark");

    @Provide
    Arbitrary<WeightedStacks> stacks() {
        Arbitrary<List<Integer>> stack = Arbitraries.integers().between(0, NAMES.size() - 1).list().ofMinSize(0).ofMaxSize(8);
        Arbitrary<Long> weight = Arbitraries.longs().between(1, 1000);
        return Combinators.combine(stack, weight).as(Entry::new).list().ofMinSize(1).ofMaxSize(30).map(entries -> {
            StackTable table = new StackTable();
            int[] s = new int[entries.size()];
            long[] w = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                List<Integer> names = entries.get(i).names;
                int[] frames = new int[names.size()];
                for (int k = 0; k < frames.length; k++) {
                    frames[k] = table.frames().intern(NAMES.get(names.get(k)), "f.go", names.get(k));
                }
                s[i] = table.internRootFirst(frames, frames.length);
                w[i] = entries.get(i).weight;
            }
            return new WeightedStacks(table, s, w, "goroutines");
        });
    }

    @Provide
    Arbitrary<String> function() {
        return Arbitraries.of(NAMES);
    }

    record Entry(List<Integer> names, long weight) {
    }

    @Property
    void rootHoldsAllWeightAndTotalsAreSelfPlusChildren(@ForAll("stacks") WeightedStacks in) {
        CallTree t = CallTree.of(in);
        assertThat(t.total(CallTree.ROOT)).isEqualTo(in.totalWeight());
        for (int n = 0; n < t.size(); n++) {
            long children = 0;
            for (int c = t.firstChild(n); c >= 0; c = t.nextSibling(c)) {
                children += t.total(c);
            }
            assertThat(t.total(n)).isEqualTo(t.self(n) + children);
        }
    }

    @Property
    void noTransformCreatesWeight(@ForAll("stacks") WeightedStacks in, @ForAll("function") String f) {
        FunctionMatcher m = FunctionMatcher.exactly(f);
        for (StackTransform t : List.of(StackTransform.focus(m), StackTransform.isolate(m), StackTransform.hide(m),
                StackTransform.drop(m), StackTransform.invert(), StackTransform.mergeRecursion())) {
            assertThat(CallTree.of(in, List.of(t)).total(CallTree.ROOT)).isLessThanOrEqualTo(in.totalWeight());
        }
    }

    @Property
    void focusAndIsolateKeepExactlyTheWeightOfStacksContainingTheFunction(@ForAll("stacks") WeightedStacks in,
            @ForAll("function") String f) {
        int id = in.stacks().frames().strings().find(f);
        long through = 0;
        for (int i = 0; i < in.size(); i++) {
            if (id >= 0 && in.stacks().containsFunction(in.stack()[i], id)) {
                through += in.weight()[i];
            }
        }
        FunctionMatcher m = FunctionMatcher.exactly(f);
        assertThat(CallTree.of(in, List.of(StackTransform.focus(m))).total(CallTree.ROOT)).isEqualTo(through);
        assertThat(CallTree.of(in, List.of(StackTransform.isolate(m))).total(CallTree.ROOT)).isEqualTo(through);
        assertThat(CallTree.of(in, List.of(StackTransform.drop(m))).total(CallTree.ROOT))
                .isEqualTo(in.totalWeight() - through);
        assertThat(CallTree.of(in, List.of(StackTransform.hide(m))).total(CallTree.ROOT)).isEqualTo(in.totalWeight());
    }

    @Property
    void invertTwiceKeepsEveryPathWeight(@ForAll("stacks") WeightedStacks in) {
        CallTree plain = CallTree.of(in);
        CallTree twice = CallTree.of(in, List.of(StackTransform.invert(), StackTransform.invert()));
        assertThat(twice.size()).isEqualTo(plain.size());
        for (int n = 0; n < plain.size(); n++) {
            assertThat(twice.total(twice.find(plain.pathOf(n)))).isEqualTo(plain.total(n));
        }
    }
}
