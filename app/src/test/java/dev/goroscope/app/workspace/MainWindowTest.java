package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.TestWindows;
import dev.goroscope.app.export.SvgFlameGraphWriter;
import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.app.flame.FlameGraphCanvas;
import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.goroutines.GoroutinePane;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;

/** The main window driven like a user would, on Monocle headless, with a real Go 1.19 dump opened. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
        window.open(TestData.dumpPath());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void clickingAFrameZoomsOnItAndListsTheGoroutinesThroughIt(FxRobot robot) {
        FlameGraphModel model = model();
        int node = widestNodeAtDepth(model.tree(), 2);
        List<String> path = model.tree().pathOf(node);
        String name = model.tree().name(node);

        robot.clickOn(screenPointOf(robot, node));

        assertThat(model.view().zoomPath()).isEqualTo(path);
        assertThat(texts(robot.lookup("#breadcrumbs").queryAs(HBox.class)))
                .containsExactly("all", "›", shortName(path.get(0)), "›", shortName(name));
        GoroutinePane goroutines = tab().goroutinePane().orElseThrow();
        GoroutineDump dump = tab().dataset().dump();
        List<Long> shownIds = goroutines.rows().stream().map(dump::id).sorted().collect(Collectors.toList());
        assertThat(shownIds).isNotEmpty().isEqualTo(idsOfGoroutinesStartingWith(dump, path));
        assertThat(robot.lookup("#goroutine-header").queryAs(Label.class).getText())
                .isEqualTo(shownIds.size() + (shownIds.size() == 1 ? " goroutine" : " goroutines") + " through " + name);

        robot.type(KeyCode.ESCAPE);
        assertThat(model.view().zoomPath()).isEqualTo(path.subList(0, 1));

        robot.doubleClickOn(robot.lookup("#goroutine-table .table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0 && row.isVisible()).queryAs(Node.class));
        assertThat(robot.lookup("#goroutine-details .details-title").queryAs(Label.class).getText())
                .startsWith("Goroutine " + dump.id(goroutines.rows().get(0)));
    }

    @Test
    void focusFromTheContextMenuReRootsTheTreeAndUndoBringsItBack(FxRobot robot) {
        FlameGraphModel model = model();
        int node = widestNodeAtDepth(model.tree(), 2);
        String name = model.tree().name(node);

        robot.rightClickOn(screenPointOf(robot, node));
        robot.clickOn("Focus on function");

        CallTree tree = model.tree();
        assertThat(model.view().transforms()).containsExactly(StackTransform.focus(FunctionMatcher.exactly(name)));
        assertThat(tree.name(tree.firstChild(CallTree.ROOT))).isEqualTo(name);
        assertThat(tree.nextSibling(tree.firstChild(CallTree.ROOT))).isEqualTo(-1);
        assertThat(robot.lookup("#transform-chips .chip-text").queryAs(Label.class).getText()).isEqualTo("Focus on " + name);

        robot.clickOn("#undoButton");
        assertThat(model.view().transforms()).isEmpty();
        assertThat(model.tree().total(CallTree.ROOT)).isEqualTo(tab().dataset().dump().size());
    }

    @Test
    void mergeRecursiveCallsFoldsTheJsonDecodersRecursionAndKeepsTheTotal(FxRobot robot) throws Exception {
        Path profile = Path.of(MainWindowTest.class.getResource("/go1.26/json-cpu.pprof").toURI());
        robot.interact(() -> window.open(profile));
        FlameGraphModel model = model();
        long total = model.tree().total(CallTree.ROOT);
        int deepest = model.tree().maxDepth();
        int node = widestNodeAtDepth(model.tree(), 2);

        robot.rightClickOn(screenPointOf(robot, node));
        robot.clickOn("#menu-merge-recursion");

        assertThat(model.view().transforms()).containsExactly(StackTransform.mergeRecursion());
        assertThat(robot.lookup("#transform-chips .chip-text").queryAs(Label.class).getText())
                .isEqualTo("Merge recursion");
        assertThat(model.tree().total(CallTree.ROOT)).isEqualTo(total);
        assertThat(model.tree().maxDepth()).isLessThan(deepest);
    }

    @Test
    void searchShowsTheMatchedShareAndABadRegexOnlyMarksTheField(FxRobot robot) {
        FlameGraphModel model = model();
        robot.clickOn("#search-field").write("leak");

        CallTreeSearch expected = CallTreeSearch.run(model.tree(), Pattern.compile("leak"), CallTree.ROOT);
        assertThat(robot.lookup("#match-label").queryAs(Label.class).getText())
                .isEqualTo("Matched: " + String.format(java.util.Locale.ROOT, "%.1f%%", expected.percent()));

        robot.write("(");
        TextField field = robot.lookup("#search-field").queryAs(TextField.class);
        assertThat(field.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("error"));
        assertThat(robot.lookup("#match-label").queryAs(Label.class).getText()).startsWith("Invalid regex: ");
        assertThat(model.snapshot().search()).isNull();
    }

    @Test
    void theIcicleToggleMovesTheRootFromTheBottomToTheTop(FxRobot robot) {
        FlameGraphCanvas canvas = tab().flamePane().orElseThrow().canvas();
        double flameY = centerY(robot, canvas);
        robot.clickOn("#icicle-toggle");
        assertThat(model().view().icicle()).isTrue();
        double icicleY = centerY(robot, canvas);
        assertThat(icicleY).isLessThan(flameY);
        assertThat(icicleY).isLessThan(20);

        robot.clickOn("#flame-toggle");
        assertThat(model().view().icicle()).isFalse();
        assertThat(centerY(robot, canvas)).isEqualTo(flameY);
    }

    @Test
    void aFailedOpenShowsItsErrorAndKeepsTheOpenTab(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.bin");
        Files.write(broken, new byte[] {0, 1, 2, 3, (byte) 0xff, 'x', 'y'});
        DocumentTab before = tab();

        robot.interact(() -> window.open(broken));

        assertThat(window.errorMessage()).startsWith(broken + ": byte 0: not a format Goroscope reads");
        assertThat(robot.lookup(".error-banner").queryAs(Node.class).isVisible()).isTrue();
        assertThat(window.tabs().getTabs()).containsExactly(before);
        assertThat(tab()).isSameAs(before);
    }

    @Test
    void aProfileOpensInItsOwnTabWithoutTheGoroutineTable(FxRobot robot) {
        DocumentTab dumpTab = tab();
        robot.interact(() -> window.open(TestData.profilePath()));

        DocumentTab profileTab = tab();
        assertThat(window.tabs().getTabs()).containsExactly(dumpTab, profileTab);
        assertThat(profileTab.goroutinePane()).isEmpty();
        assertThat(profileTab.getContent().lookup("#goroutine-table")).isNull();
        assertThat(profileTab.getContent().lookup("#flame-canvas")).isNotNull();
        long total = profileTab.dataset().profiles().get(0).total(0);
        assertThat(total).isEqualTo(dumpTab.dataset().dump().size());
        assertThat(robot.lookup("#statusTotal").queryAs(Label.class).getText()).isEqualTo("Total " + total);
    }

    @Test
    void theSourceChooserSwitchesBetweenTheProfilesOfOneFile(FxRobot robot) {
        robot.interact(() -> window.open(TestData.twoProfilesPath()));
        DocumentTab tab = tab();
        var profiles = tab.dataset().profiles();
        assertThat(profiles).hasSize(2);
        @SuppressWarnings("unchecked")
        ComboBox<StackSource> chooser = robot.lookup("#source-chooser").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).extracting(StackSource::label)
                .containsExactly(profiles.get(0).name() + ": " + profiles.get(0).sampleTypes().get(0),
                        profiles.get(1).name() + ": " + profiles.get(1).sampleTypes().get(0));

        robot.interact(() -> chooser.getSelectionModel().select(1));

        assertThat(model().tree().input()).isSameAs(chooser.getItems().get(1).stacks());
        assertThat(model().tree().total(CallTree.ROOT)).isEqualTo(profiles.get(1).total(0));
    }

    @Test
    void exportWritesExactlyTheViewOnScreen(FxRobot robot, @TempDir Path dir) throws Exception {
        FlameGraphModel model = model();
        robot.interact(() -> {
            model.zoomToPath(List.of("main.leakSend"));
            model.setSearch("leak");
            model.setIcicle(true);
        });
        Path out = dir.resolve("view.svg");

        robot.interact(() -> window.exportSvg(out));

        SvgOptions options = onFx(() -> tab().svgOptions());
        assertThat(options.width()).isEqualTo(onFx(() -> tab().flamePane().orElseThrow().canvas().drawingWidth()));
        StringWriter expected = new StringWriter();
        SvgFlameGraphWriter.write(model.tree(), model.view(), options, expected);
        assertThat(Files.readString(out)).isEqualTo(expected.toString());
        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(svg.getAttribute("data-icicle")).isEqualTo("true");
        assertThat(svg.getAttribute("data-search")).isEqualTo("leak");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo("Exported view.svg");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aFailedExportShowsItsErrorAndWritesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("missing").resolve("view.svg");

        robot.interact(() -> window.exportSvg(out));

        assertThat(window.errorMessage()).isEqualTo(out + ": cannot export: no such file or directory");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private DocumentTab tab() {
        return window.currentTab().orElseThrow();
    }

    private FlameGraphModel model() {
        return tab().model().orElseThrow();
    }

    private Point2D screenPointOf(FxRobot robot, int node) {
        FlameGraphCanvas canvas = tab().flamePane().orElseThrow().canvas();
        Point2D local = onFx(() -> canvas.centerOf(node));
        assertThat(local).as("node %d is drawn", node).isNotNull();
        return onFx(() -> canvas.localToScreen(local));
    }

    private double centerY(FxRobot robot, FlameGraphCanvas canvas) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> canvas.centerOf(CallTree.ROOT).getY());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The widest node at {@code depth}, so it is drawn wide enough to click and label. */
    private static int widestNodeAtDepth(CallTree tree, int depth) {
        int best = -1;
        for (int n = 0; n < tree.size(); n++) {
            if (tree.depth(n) == depth && (best < 0 || tree.total(n) > tree.total(best))) {
                best = n;
            }
        }
        return best;
    }

    private static List<Long> idsOfGoroutinesStartingWith(GoroutineDump dump, List<String> path) {
        List<Long> ids = new ArrayList<>();
        for (int g = 0; g < dump.size(); g++) {
            int[] frames = dump.stacks().framesRootFirst(dump.stack(g));
            boolean match = frames.length >= path.size();
            for (int i = 0; match && i < path.size(); i++) {
                match = dump.stacks().frames().functionName(frames[i]).equals(path.get(i));
            }
            if (match) {
                ids.add(dump.id(g));
            }
        }
        ids.sort(null);
        return ids;
    }

    private static List<String> texts(HBox box) {
        return box.getChildren().stream().map(n -> ((Labeled) n).getText()).collect(Collectors.toList());
    }

    private static String shortName(String function) {
        return dev.goroscope.model.stack.GoFunctionName.shortName(function);
    }
}
