package dev.goroscope.app.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.tasks.QueuedTaskRunner;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees are built by the task runner; what is on screen meanwhile and what gets published after. */
class FlameGraphModelAsyncTest {
    private final WeightedStacks stacks = TestData.dump().dump().stackCounts();
    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private final FlameGraphModel model = new FlameGraphModel(CallTree.of(stacks), runner);
    private final StackTransform dropSend = StackTransform.drop(FunctionMatcher.exactly("main.leakSend"));
    private final StackTransform dropRecv = StackTransform.drop(FunctionMatcher.exactly("main.leakRecv"));

    @Test
    void theOldPictureStaysWhileATreeIsBuilt() {
        FlameSnapshot before = model.snapshot();
        model.apply(dropSend);

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.snapshot()).isSameAs(before);
        assertThat(model.view().transforms()).containsExactly(dropSend);

        runner.runPending(0);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.snapshot().view().transforms()).containsExactly(dropSend);
        assertThat(model.tree().total(CallTree.ROOT)).isEqualTo(stacks.totalWeight() - 4);
    }

    @Test
    void aBuildThatFinishesAfterANewerRequestIsNotShown() {
        model.apply(dropSend);
        model.undo();
        model.apply(dropRecv);
        assertThat(runner.pending()).isEqualTo(2);

        runner.runPending(1);
        assertThat(model.snapshot().view().transforms()).containsExactly(dropRecv);
        runner.runPending(0);
        assertThat(model.snapshot().view().transforms()).containsExactly(dropRecv);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void searchingWhileATreeIsBuiltStartsNoSecondBuildAndIsShownWithIt() {
        model.apply(dropSend);
        model.setSearch("leak");
        model.setIcicle(true);
        assertThat(runner.pending()).isEqualTo(1);

        runner.runPending(0);
        FlameSnapshot s = model.snapshot();
        assertThat(s.view().transforms()).containsExactly(dropSend);
        assertThat(s.view().icicle()).isTrue();
        assertThat(s.search().matchedWeight()).isEqualTo(4);
    }

    @Test
    void undoAndRedoReuseTreesAlreadyBuilt() {
        model.apply(dropSend);
        runner.runPending(0);
        model.zoomToPath(List.of("main.leakRecv"));
        model.undo();
        model.undo();
        model.redo();
        assertThat(runner.pending()).isZero();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.snapshot().view().transforms()).containsExactly(dropSend);
    }
}
