package dev.goroscope.app.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlameGraphModelTest {
    private WeightedStacks stacks;
    private FlameGraphModel model;

    @BeforeEach
    void setUp() {
        stacks = TestData.dump().dump().stackCounts();
        model = new FlameGraphModel(CallTree.of(stacks), new InlineTaskRunner());
    }

    @Test
    void zoomIsUndoneAndRedone() {
        int node = model.tree().find(List.of("main.leakSend"));
        model.zoomTo(node);
        assertThat(model.zoomNode()).isEqualTo(node);
        assertThat(model.view().zoomPath()).containsExactly("main.leakSend");
        assertThat(model.canUndoProperty().get()).isTrue();

        model.undo();
        assertThat(model.zoomNode()).isEqualTo(CallTree.ROOT);
        assertThat(model.canRedoProperty().get()).isTrue();
        model.redo();
        assertThat(model.zoomNode()).isEqualTo(node);
    }

    @Test
    void zoomingOnTheRootClearsTheZoomPath() {
        model.zoomToPath(List.of("main.leakSend"));
        model.zoomTo(CallTree.ROOT);
        assertThat(model.view().zoomPath()).isEmpty();
    }

    @Test
    void transformsStackAndAreRemovable() {
        var hide = StackTransform.hide(FunctionMatcher.exactly("runtime.gopark"));
        var drop = StackTransform.drop(FunctionMatcher.exactly("main.leakSend"));
        model.apply(hide);
        model.apply(drop);
        assertThat(model.view().transforms()).containsExactly(hide, drop);
        assertThat(model.tree().total(CallTree.ROOT)).isEqualTo(stacks.totalWeight() - 4);

        model.removeTransform(0);
        assertThat(model.view().transforms()).containsExactly(drop);
        model.undo();
        assertThat(model.view().transforms()).containsExactly(hide, drop);
    }

    @Test
    void focusReRootsAtTheFunction() {
        model.zoomToPath(List.of("main.leakSend"));
        model.apply(StackTransform.focus(FunctionMatcher.exactly("main.leakSend")));
        CallTree tree = model.tree();
        assertThat(tree.name(tree.firstChild(CallTree.ROOT))).isEqualTo("main.leakSend");
        assertThat(tree.nextSibling(tree.firstChild(CallTree.ROOT))).isEqualTo(-1);
        assertThat(model.view().zoomPath()).isEmpty();
    }

    @Test
    void callersToggleAddsAndRemovesOneInversion() {
        model.setCallers(true);
        assertThat(model.isCallers()).isTrue();
        assertThat(model.view().transforms()).containsExactly(StackTransform.invert());
        model.setCallers(false);
        assertThat(model.isCallers()).isFalse();
        assertThat(model.view().transforms()).isEmpty();
    }

    @Test
    void searchReportsTheMatchedShareOfTheZoomedNode() {
        model.setSearch("leak");
        FlameSnapshot s = model.snapshot();
        assertThat(s.search()).isNotNull();
        assertThat(s.search().matchedWeight()).isEqualTo(8);
        assertThat(s.search().withinWeight()).isEqualTo(59);

        model.zoomToPath(List.of("main.leakSend"));
        assertThat(model.snapshot().search().percent()).isEqualTo(100.0);
    }

    @Test
    void anInvalidRegexIsAnErrorNotAnException() {
        model.setSearch("leak");
        model.setSearch("(*");
        assertThat(model.searchErrorProperty().get()).isNotEmpty();
        assertThat(model.snapshot().search()).isNull();
        assertThat(model.view().search()).isEmpty();
        model.setSearch("lea");
        assertThat(model.searchErrorProperty().get()).isEmpty();
    }

    @Test
    void searchAndOrientationAreNotUndoSteps() {
        model.zoomToPath(List.of("main.leakSend"));
        model.setSearch("leak");
        model.setIcicle(true);
        model.undo();
        assertThat(model.view().zoomPath()).isEmpty();
        assertThat(model.view().search()).isEqualTo("leak");
        assertThat(model.view().icicle()).isTrue();
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void everyChangePublishesOneConsistentSnapshot() {
        List<FlameSnapshot> seen = new java.util.ArrayList<>();
        model.snapshotProperty().addListener((o, a, b) -> seen.add(b));
        model.zoomToPath(List.of("main.leakSend"));
        assertThat(seen).hasSize(1);
        FlameSnapshot s = seen.get(0);
        assertThat(s.tree().pathOf(s.zoom())).isEqualTo(s.view().zoomPath());
    }
}
