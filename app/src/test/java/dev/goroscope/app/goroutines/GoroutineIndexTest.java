package dev.goroscope.app.goroutines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.app.TestData;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoroutineIndexTest {
    private final GoroutineDump dump = TestData.dump().dump();
    private final WeightedStacks counts = dump.stackCounts();
    private final GoroutineIndex index = new GoroutineIndex(dump, counts);

    @Test
    void everyGoroutinePassesThroughTheRoot() {
        CallTree tree = CallTree.of(counts);
        assertThat(index.through(tree, CallTree.ROOT)).containsExactly(IntStream.range(0, dump.size()).toArray());
    }

    @Test
    void aNodeListsExactlyTheGoroutinesWhoseStackStartsWithItsPath() {
        CallTree tree = CallTree.of(counts);
        for (int node = 1; node < tree.size(); node++) {
            List<String> path = tree.pathOf(node);
            int[] expected = IntStream.range(0, dump.size()).filter(g -> rootFirstNames(g).size() >= path.size()
                    && rootFirstNames(g).subList(0, path.size()).equals(path)).toArray();
            assertThat(index.through(tree, node)).as("%s", path).containsExactly(expected);
        }
    }

    @Test
    void goroutinesDroppedByATransformPassThroughNothing() {
        CallTree tree = CallTree.of(counts, List.of(StackTransform.drop(FunctionMatcher.exactly("main.leakSend"))));
        int[] through = index.through(tree, CallTree.ROOT);
        assertThat(through).hasSize(dump.size() - 4);
        assertThat(Arrays.stream(through).mapToObj(this::rootFirstNames)).noneMatch(n -> n.contains("main.leakSend"));
    }

    @Test
    void refusesATreeBuiltFromOtherStacks() {
        CallTree other = CallTree.of(dump.stackCounts());
        assertThatThrownBy(() -> index.through(other, CallTree.ROOT)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> rootFirstNames(int g) {
        List<String> names = new ArrayList<>();
        for (int f : dump.stacks().framesRootFirst(dump.stack(g))) {
            names.add(dump.stacks().frames().functionName(f));
        }
        return names;
    }
}
