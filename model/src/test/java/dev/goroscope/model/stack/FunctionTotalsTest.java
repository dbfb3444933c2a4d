package dev.goroscope.model.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FunctionTotalsTest {
    private static final List<String> NAMES = List.of("main.main", "a", "b", "c", "runtime.gopark");

    private static int stack(StackTable t, String... rootFirst) {
        int[] frames = new int[rootFirst.length];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = t.frames().intern(rootFirst[i], "x.go", i + 1);
        }
        return t.internRootFirst(frames, frames.length);
    }

    @Test
    void selfIsTheLeafWeightAndTotalCountsRecursionOncePerStack() {
        StackTable t = new StackTable();
        int s1 = stack(t, "main", "a", "a", "b");
        int s2 = stack(t, "main", "a");
        int s3 = stack(t, "main", "c");
        WeightedStacks in = new WeightedStacks(t, new int[] {s1, s2, s3, s1, StackTable.EMPTY},
                new long[] {10, 5, 7, 1, 100}, "ns");

        FunctionTotals ft = FunctionTotals.of(in);

        assertThat(ft.size()).isEqualTo(4);
        int a = ft.indexOf("a");
        assertThat(ft.self(a)).isEqualTo(5);
        assertThat(ft.total(a)).isEqualTo(16);
        assertThat(ft.self(ft.indexOf("b"))).isEqualTo(11);
        assertThat(ft.total(ft.indexOf("main"))).isEqualTo(23);
        assertThat(ft.self(ft.indexOf("main"))).isZero();
        assertThat(ft.indexOf("nowhere")).isEqualTo(-1);
    }

    @Test
    void framesOfOneFunctionAtDifferentLinesAddUp() {
        StackTable t = new StackTable();
        int f1 = t.frames().intern("f", "x.go", 1);
        int f2 = t.frames().intern("f", "x.go", 2);
        int s1 = t.push(StackTable.EMPTY, f1);
        int s2 = t.push(StackTable.EMPTY, f2);
        FunctionTotals ft = FunctionTotals.of(new WeightedStacks(t, new int[] {s1, s2}, new long[] {3, 4}, "count"));
        assertThat(ft.self(ft.indexOf("f"))).isEqualTo(7);
        assertThat(ft.total(ft.indexOf("f"))).isEqualTo(7);
    }

    @Test
    void ordersLikePprofTop() {
        StackTable t = new StackTable();
        WeightedStacks in = new WeightedStacks(t,
                new int[] {stack(t, "main", "x"), stack(t, "main", "y"), stack(t, "main", "z")},
                new long[] {5, 9, 5}, "count");
        FunctionTotals ft = FunctionTotals.of(in);
        assertThat(names(ft, ft.bySelf())).containsExactly("y", "x", "z", "main");
        assertThat(names(ft, ft.byTotal())).containsExactly("main", "y", "x", "z");
    }

    private static List<String> names(FunctionTotals ft, int[] order) {
        return java.util.Arrays.stream(order).mapToObj(ft::name).toList();
    }

    @Provide
    Arbitrary<WeightedStacks> stacks() {
        Arbitrary<List<Integer>> frames = Arbitraries.integers().between(0, NAMES.size() - 1).list().ofMaxSize(7);
        Arbitrary<Long> weight = Arbitraries.longs().between(0, 1000);
        return Combinators.combine(frames, weight).as(Entry::new).list().ofMinSize(1).ofMaxSize(25).map(entries -> {
            StackTable t = new StackTable();
            int[] s = new int[entries.size()];
            long[] w = new long[entries.size()];
            for (int i = 0; i < s.length; i++) {
                String[] names = entries.get(i).names.stream().map(NAMES::get).toArray(String[]::new);
                s[i] = stack(t, names);
                w[i] = entries.get(i).weight;
            }
            return new WeightedStacks(t, s, w, "count");
        });
    }

    record Entry(List<Integer> names, long weight) {
    }

    @Property
    void totalsEqualANaiveCountOverEveryEntry(@ForAll("stacks") WeightedStacks in) {
        FunctionTotals ft = FunctionTotals.of(in);
        FrameTable frames = in.stacks().frames();
        for (String name : NAMES) {
            long self = 0;
            long total = 0;
            for (int e = 0; e < in.size(); e++) {
                int s = in.stack()[e];
                if (s == StackTable.EMPTY) {
                    continue;
                }
                if (frames.functionName(in.stacks().frame(s)).equals(name)) {
                    self += in.weight()[e];
                }
                Set<String> seen = new HashSet<>();
                for (int f : in.stacks().framesRootFirst(s)) {
                    seen.add(frames.functionName(f));
                }
                if (seen.contains(name)) {
                    total += in.weight()[e];
                }
            }
            int i = ft.indexOf(name);
            assertThat(i >= 0 ? ft.self(i) : 0).isEqualTo(self);
            assertThat(i >= 0 ? ft.total(i) : 0).isEqualTo(total);
        }
    }

    @Property
    void selfSumsToTheWeightOfNonEmptyStacks(@ForAll("stacks") WeightedStacks in) {
        FunctionTotals ft = FunctionTotals.of(in);
        long selfSum = 0;
        for (int i = 0; i < ft.size(); i++) {
            selfSum += ft.self(i);
            assertThat(ft.total(i)).isGreaterThanOrEqualTo(ft.self(i)).isLessThanOrEqualTo(in.totalWeight());
        }
        long nonEmpty = 0;
        for (int e = 0; e < in.size(); e++) {
            nonEmpty += in.stack()[e] == StackTable.EMPTY ? 0 : in.weight()[e];
        }
        assertThat(selfSum).isEqualTo(nonEmpty);
    }
}
