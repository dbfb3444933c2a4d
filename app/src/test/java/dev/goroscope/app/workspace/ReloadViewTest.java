package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.stack.GoFunctionName;
import dev.goroscope.model.stack.WeightedStacks;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reload keeps how the tab looked at its file: transforms, search, zoom and sample type, applied to the new
 * data. The files are real captures copied to a temporary folder and overwritten there by a later capture of the
 * same program (a growing goroutine dump) or a heap profile of another program.
 */
@ExtendWith(ApplicationExtension.class)
class ReloadViewTest {
    private static final String HIDDEN = "internal/sync.(*Mutex).Lock";
    private static final List<String> LOCK_PATH =
            List.of("main.lockShared", "sync.(*Mutex).Lock", "internal/sync.(*Mutex).lockSlow");

    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theTransformSearchAndZoomOfADumpApplyToItsNewerCapture(FxRobot robot) throws Exception {
        Path file = dir.resolve("goroutines.txt");
        Files.copy(resource("/leaks/goroutines-1795926103266.txt"), file);
        DocumentTab before = open(robot, file);
        FlameGraphModel old = before.model().orElseThrow();
        robot.interact(() -> old.apply(StackTransform.hide(FunctionMatcher.exactly(HIDDEN))));
        robot.clickOn("#search-field").write("leakySend");
        robot.interact(() -> old.zoomToPath(LOCK_PATH));
        assertThat(old.tree().total(old.zoomNode())).isEqualTo(1);

        reloadWith(robot, file, resource("/leaks/goroutines-1795926104481.txt"));

        DocumentTab after = window.currentTab().orElseThrow();
        assertThat(after).isNotSameAs(before);
        FlameGraphModel model = after.model().orElseThrow();
        assertThat(chipTexts(robot)).containsExactly("Hide " + HIDDEN);
        assertThat(robot.lookup("#search-field").queryAs(TextField.class).getText()).isEqualTo("leakySend");
        assertThat(model.snapshot().search()).isNotNull();
        assertThat(model.tree().pathOf(model.zoomNode())).isEqualTo(LOCK_PATH);
        assertThat(crumbs(robot)).endsWith(GoFunctionName.shortName(LOCK_PATH.get(2)));
        CallTree expected = CallTree.of(after.dataset().dump().stackCounts(),
                List.of(StackTransform.hide(FunctionMatcher.exactly(HIDDEN))));
        assertThat(after.dataset().dump().size()).isEqualTo(27);
        assertThat(model.tree().total(model.zoomNode())).isEqualTo(expected.total(expected.find(LOCK_PATH)))
                .isEqualTo(5);
    }

    @Test
    void theSampleTypeIsKeptAndAZoomTheNewProfileLacksFallsBackToItsNearestAncestor(FxRobot robot)
            throws Exception {
        Path file = dir.resolve("heap.pb.gz");
        Files.copy(resource("/go1.19/heap.pb.gz"), file);
        open(robot, file);
        ComboBox<?> chooser = robot.lookup("#source-chooser").queryAs(ComboBox.class);
        String allocSpace = chooser.getItems().stream().map(Object::toString).filter(s -> s.contains("alloc_space"))
                .findFirst().orElseThrow();
        assertThat(chooser.getValue().toString()).isNotEqualTo(allocSpace);
        robot.clickOn("#source-chooser").clickOn(allocSpace);
        List<String> served = List.of("net/http.(*conn).serve", "net/http.serverHandler.ServeHTTP");
        List<String> muxed = List.of(served.get(0), served.get(1), "net/http.(*ServeMux).ServeHTTP");
        FlameGraphModel old = window.currentTab().orElseThrow().model().orElseThrow();
        robot.interact(() -> old.zoomToPath(muxed));
        assertThat(old.tree().pathOf(old.zoomNode())).isEqualTo(muxed);
        long oldTotal = old.tree().input().totalWeight();

        reloadWith(robot, file, resource("/go1.26/heap.pb.gz"));

        DocumentTab after = window.currentTab().orElseThrow();
        FlameGraphModel model = after.model().orElseThrow();
        ComboBox<?> newChooser = robot.lookup("#source-chooser").queryAs(ComboBox.class);
        assertThat(newChooser).isNotSameAs(chooser);
        assertThat(newChooser.getValue().toString()).isEqualTo(allocSpace);
        assertThat(model.tree().pathOf(model.zoomNode())).isEqualTo(served);
        assertThat(crumbs(robot)).containsExactly("all", "›", GoFunctionName.shortName(served.get(0)), "›",
                GoFunctionName.shortName(served.get(1)));
        WeightedStacks newAllocSpace = StackSource.of(after.dataset()).stream()
                .filter(s -> s.label().equals(allocSpace)).findFirst().orElseThrow().stacks();
        assertThat(model.tree().input().totalWeight()).isEqualTo(newAllocSpace.totalWeight()).isNotEqualTo(oldTotal);
        CallTree expected = CallTree.of(newAllocSpace, List.of());
        assertThat(model.tree().total(model.zoomNode())).isEqualTo(expected.total(expected.find(served)));
    }

    private void reloadWith(FxRobot robot, Path file, Path capture) throws Exception {
        Files.copy(capture, file, StandardCopyOption.REPLACE_EXISTING);
        Node banner = robot.lookup("#changeBanner").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reloadChanged");
        assertThat(window.errorMessage()).isEmpty();
    }

    private DocumentTab open(FxRobot robot, Path file) {
        robot.interact(() -> window.open(file));
        return window.currentTab().orElseThrow();
    }

    private static List<String> chipTexts(FxRobot robot) {
        return robot.lookup("#transform-chips .chip-text").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .collect(Collectors.toList());
    }

    private static List<String> crumbs(FxRobot robot) {
        return robot.lookup("#breadcrumbs").queryAs(HBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).collect(Collectors.toList());
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReloadViewTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
