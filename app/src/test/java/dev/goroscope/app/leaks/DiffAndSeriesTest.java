package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.flame.FlameGraphCanvas;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.model.analysis.DiffEntry;
import dev.goroscope.model.analysis.LeakRule;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.analysis.SeriesRow;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare with… and Open Series… on the real snapshots of samples/progs/growing, in the main window. From the first
 * snapshot to the second, main.leakySend goes from 3 to 15 goroutines, main.lockShared from 1 to 5, 11 → 27 in all.
 */
@ExtendWith(ApplicationExtension.class)
class DiffAndSeriesTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void comparingTwoOpenSnapshotsShowsTheGrowingGroupWithAPositiveDelta(FxRobot robot) {
        robot.interact(() -> {
            window.open(LeakData.path("goroutines-1795926103266.txt"));
            window.open(LeakData.path("goroutines-1795926104481.txt"));
            List<Tab> open = List.copyOf(window.tabs().getTabs());
            window.leakActions().compareTabs(open.get(0), open.get(1));
        });

        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        assertThat(selected).isInstanceOf(DiffTab.class);
        assertThat(selected.getText()).isEqualTo("goroutines-1795926103266.txt → goroutines-1795926104481.txt");
        DiffEntry first = ((DiffTab) selected).table().getItems().get(0);
        assertThat(first.delta()).isPositive();
        assertThat(first.after()).isGreaterThan(first.before());
    }

    @Test
    void theSeriesOfTheGrowingFolderFlagsMonotonicGrowth(FxRobot robot) {
        robot.interact(() -> window.leakActions().openSeries(List.of(LeakData.path("growing"))));

        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        SeriesView view = (SeriesView) selected.getContent();
        assertThat(view.chart().getData()).isNotEmpty();
        assertThat(view.chart().getData().get(0).getData()).hasSize(5);
        SeriesRow top = view.table().getItems().get(0);
        assertThat(top.growing()).isTrue();
        assertThat(top.last()).isGreaterThan(top.first());

        robot.interact(() -> view.diffButton().fire());
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isInstanceOf(DiffTab.class);
    }

    @Test
    void theDiffFlameGraphKeepsItsRedAndBlueThroughFocusInvertAndDrop(FxRobot robot) {
        DiffTab grown = compare(robot, 0, 1);
        assertThat(colourOf(grown, "main.leakySend")).as("12 of 16 more in all").isEqualTo(DiffColors.of(12, 16));

        robot.rightClickOn(screenPoint(grown, "main.lockShared"));
        robot.clickOn("Drop stacks through it");
        assertThat(grown.model().view().transforms())
                .containsExactly(StackTransform.drop(FunctionMatcher.exactly("main.lockShared")));
        assertThat(colourOf(grown, "main.leakySend")).as("now the largest change").isEqualTo(DiffColors.of(12, 12));

        robot.clickOn("#chip-remove-0");
        robot.rightClickOn(screenPoint(grown, "main.leakySend"));
        robot.clickOn("Focus on function");
        assertThat(grown.model().tree().firstChild(CallTree.ROOT)).isEqualTo(node(grown, "main.leakySend"));
        assertThat(colourOf(grown, "main.leakySend")).isEqualTo(DiffColors.of(12, 12));

        robot.clickOn("#callers-toggle");
        assertThat(grown.model().isCallers()).isTrue();
        assertThat(colourOf(grown, "main.leakySend")).isEqualTo(DiffColors.of(12, 12));

        DiffTab shrunk = compare(robot, 1, 0);
        robot.rightClickOn(screenPoint(shrunk, "main.leakySend"));
        robot.clickOn("Hide function");
        assertThat(shrunk.model().tree().child(CallTree.ROOT, "main.leakySend")).isNegative();
        assertThat(colourOf(shrunk, "main.lockShared")).as("4 of 16 less").isEqualTo(DiffColors.of(-4, 16));
        robot.clickOn("#chip-remove-0");
        robot.rightClickOn(screenPoint(shrunk, "main.leakySend"));
        robot.clickOn("Focus on function");
        assertThat(colourOf(shrunk, "main.leakySend")).isEqualTo(DiffColors.of(-12, 12));
        int rgb = colourOf(shrunk, "main.leakySend");
        assertThat(rgb & 0xff).as("blue").isGreaterThan((rgb >> 16) & 0xff);
    }

    @Test
    void clickingTwoPointsOfTheSeriesChartOpensTheirDiff(FxRobot robot) {
        robot.interact(() -> window.leakActions().openSeries(List.of(LeakData.path("growing"))));
        SeriesView view = (SeriesView) window.tabs().getSelectionModel().getSelectedItem().getContent();
        List<XYChart.Series<Number, Number>> lines = view.chart().getData();
        SeriesRow sends = view.table().getItems().stream().filter(r -> r.entryFunction().equals("main.leakySend"))
                .findFirst().orElseThrow();

        robot.clickOn(lines.get(0).getData().get(1).getNode());

        assertThat(view.pickedPoint()).isEqualTo(1);
        assertThat(lines.get(0).getData().get(1).getNode().getScaleX()).as("drawn larger").isGreaterThan(1);
        assertThat(lines.get(0).getData().get(2).getNode().getScaleX()).isEqualTo(1);
        String second = labelOf(robot, 1);
        assertThat(view.pickedLabel().getText()).startsWith("Picked " + second + " (");
        assertThat(robot.lookup("#series-from").queryComboBox().getValue()).isEqualTo(second);
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isNotInstanceOf(DiffTab.class);

        robot.clickOn(lines.get(lines.size() - 1).getData().get(3).getNode());

        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        assertThat(selected).isInstanceOf(DiffTab.class);
        assertThat(selected.getText()).isEqualTo(second + " → " + labelOf(robot, 3));
        DiffEntry leaky = ((DiffTab) selected).table().getItems().stream()
                .filter(e -> e.entryFunction().equals("main.leakySend")).findFirst().orElseThrow();
        assertThat(leaky.before()).isEqualTo(sends.counts()[1]);
        assertThat(leaky.after()).isEqualTo(sends.counts()[3]);
        assertThat(view.pickedPoint()).isEqualTo(-1);
        assertThat(lines.get(0).getData().get(1).getNode().getScaleX()).isEqualTo(1);
    }

    @Test
    void theSeriesListsItsGrowingGroupAsASuspectAndPickingItShowsItsRow(FxRobot robot) {
        robot.interact(() -> window.leakActions().openSeries(List.of(LeakData.path("growing"))));
        SeriesView view = (SeriesView) window.tabs().getSelectionModel().getSelectedItem().getContent();

        robot.clickOn("#series-suspects-tab");

        assertThat(robot.lookup("#series-suspects-tab .tab-label").queryLabeled().getText())
                .isEqualTo("Leak suspects (1)");
        List<LeakSuspect> shown = view.suspects().list().getItems();
        assertThat(shown).extracting(LeakSuspect::entryFunction).contains("main.leakySend");
        LeakSuspect leaky = shown.stream().filter(s -> s.entryFunction().equals("main.leakySend")).findFirst()
                .orElseThrow();
        assertThat(leaky.rule()).isEqualTo(LeakRule.GROWING);
        assertThat(leaky.group()).isEqualTo(-1);
        assertThat(leaky.evidence()).startsWith("3 → 6 → 9 → 12 → 15 over 5 snapshots (+3.0 per snapshot");
        Node cell = robot.lookup("#suspects-list .list-cell").match((ListCell<LeakSuspect> c) -> c.getItem() == leaky)
                .query();

        robot.clickOn(cell);

        assertThat(robot.lookup("#suspect-details").queryAs(Label.class).getText())
                .isEqualTo("growing-group: grows across snapshots\n" + leaky.evidence());
        assertThat(view.table().getSelectionModel().getSelectedItem().entryFunction()).isEqualTo("main.leakySend");
        assertThat(view.table().isVisible()).isTrue();

        robot.clickOn("#series-suspects-tab");
        robot.interact(() -> view.suspects().growthIncrease().getValueFactory().setValue(100));
        assertThat(view.suspects().list().getItems()).isEmpty();
        assertThat(view.table().getItems()).noneMatch(SeriesRow::growing);
        assertThat(robot.lookup("#series-suspects-tab .tab-label").queryLabeled().getText())
                .isEqualTo("Leak suspects (0)");
    }

    /** The label of snapshot {@code t} as the pickers list it. */
    private static String labelOf(FxRobot robot, int t) {
        return String.valueOf(robot.lookup("#series-to").queryComboBox().getItems().get(t));
    }

    /** Opens the diff of the two growing snapshots, {@code before → after} (0 = the first, 1 = the second). */
    private DiffTab compare(FxRobot robot, int before, int after) {
        robot.interact(() -> {
            if (window.tabs().getTabs().isEmpty()) {
                window.open(LeakData.path("goroutines-1795926103266.txt"));
                window.open(LeakData.path("goroutines-1795926104481.txt"));
            }
            List<Tab> open = List.copyOf(window.tabs().getTabs());
            window.leakActions().compareTabs(open.get(before), open.get(after));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return (DiffTab) window.tabs().getSelectionModel().getSelectedItem();
    }

    private static int node(DiffTab tab, String function) {
        CallTree tree = tab.model().tree();
        int n = tree.child(CallTree.ROOT, function);
        assertThat(n).as("%s under the root", function).isPositive();
        return n;
    }

    private static Point2D screenPoint(DiffTab tab, String function) {
        FlameGraphCanvas canvas = tab.flame().canvas();
        int n = node(tab, function);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> canvas.localToScreen(canvas.centerOf(n)));
    }

    /** The fill drawn for the function's box under the root: a pixel in its top margin, above the label. */
    private static int colourOf(DiffTab tab, String function) {
        FlameGraphCanvas canvas = tab.flame().canvas();
        int n = node(tab, function);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            Point2D c = canvas.centerOf(n);
            return canvas.snapshot(null, null).getPixelReader().getArgb((int) c.getX(), (int) c.getY() - 7) & 0xFFFFFF;
        });
    }

    private static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
