package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.source.GoEnvironment;
import dev.goroscope.app.source.PathMapping;
import dev.goroscope.app.source.SourcePane;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.model.calltree.CallTree;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The preferences dialog and the source links of goroutine stacks, on the real Go 1.26 leaks dump whose frames
 * point into {@code goroscope.dev/samples/progs/leaks/patterns.go} (a copy is in the test resources).
 */
@ExtendWith(ApplicationExtension.class)
class PreferencesAndSourceLinksTest {
    private static final String PREFIX = "goroscope.dev/samples/progs/leaks/";
    private final Settings settings = new Settings(new MemoryPreferences());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1400, 900, settings);
        window.open(resource("go1.26-leaks-debug2.txt"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> ActiveTheme.set(Theme.LIGHT));
    }

    @Test
    void preferencesSaveThemeEditorGoRootReloadAndMappingsAndApplyThemAtOnce(FxRobot robot) {
        zoomTo(robot, "main.leakRecursionBottom");
        assertThat(robot.lookup("#source-missing").queryAs(Label.class).getText())
                .startsWith("Source not found: " + PREFIX + "patterns.go");

        robot.clickOn("#statusFile").press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        GoEnvironment go = GoEnvironment.detect();
        assertThat(robot.lookup("#pref-goroot-detected").queryAs(Label.class).getText())
                .contains(go.goRoot() == null ? "found no Go installation" : go.goRoot().toString());
        robot.clickOn("#pref-theme").clickOn("Dark");
        robot.clickOn("#pref-editor .arrow-button").clickOn("idea --line {line} {file}");
        robot.clickOn("#pref-goroot").write("/opt/go");
        robot.clickOn("#pref-auto-reload");
        robot.clickOn("#mapping-prefix").write("example.com/other/");
        robot.clickOn("#mapping-folder").write("/srv/other");
        robot.clickOn("#mapping-add");
        replaceText(robot, "#mapping-prefix", PREFIX);
        replaceText(robot, "#mapping-folder", resource("leaks").toString());
        robot.clickOn("#mapping-add");
        assertThat(robot.lookup("#pref-mappings").queryAs(TableView.class).getItems()).hasSize(2);
        robot.clickOn("/srv/other").clickOn("#mapping-remove");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(settings.theme()).isEqualTo("dark");
        assertThat(settings.editorCommand()).isEqualTo("idea --line {line} {file}");
        assertThat(settings.goRoot()).isEqualTo("/opt/go");
        assertThat(settings.reloadAutomatically()).isTrue();
        assertThat(settings.pathMappings()).containsExactly(new PathMapping(PREFIX, resource("leaks").toString()));
        assertThat(ActiveTheme.get()).isEqualTo(Theme.DARK);
        assertThat(sourcePane().file()).contains(resource("leaks/patterns.go"));
    }

    @Test
    void cancelForgetsTheEdits(FxRobot robot) {
        robot.clickOn("File").clickOn("Preferences…");
        robot.clickOn("#pref-theme").clickOn("Dark");
        robot.clickOn("#mapping-folder").write("/srv/other");
        robot.clickOn("#mapping-add");
        robot.clickOn("Cancel");

        assertThat(settings.theme()).isEqualTo("light");
        assertThat(settings.pathMappings()).isEmpty();
        assertThat(ActiveTheme.get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aFrameOfAGoroutineStackOpensTheSourceAtItsLine(FxRobot robot) {
        settings.addPathMapping(new PathMapping(PREFIX, resource("leaks").toString()));
        zoomTo(robot, "main.leakRecursionBottom");
        robot.doubleClickOn(robot.lookup("#goroutine-table .table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0 && row.isVisible()).queryAs(Node.class));
        robot.interact(() -> sourcePane().showNode(tab().model().orElseThrow().tree(), CallTree.ROOT, CallTree.ROOT));
        assertThat(sourcePane().file()).isEmpty();

        Hyperlink link = robot.lookup("#goroutine-frames .frame-link")
                .match((Hyperlink h) -> h.isVisible() && h.getText().contains("patterns.go:2")).query();
        int line = Integer.parseInt(link.getText().substring(link.getText().lastIndexOf(':') + 1));
        robot.clickOn(link);

        assertThat(sourcePane().file()).contains(resource("leaks/patterns.go"));
        assertThat(sourcePane().highlightedLine()).isEqualTo(line);
        assertThat(robot.lookup("#source-location").queryAs(Label.class).getText()).endsWith("patterns.go:" + line);
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    private void zoomTo(FxRobot robot, String function) {
        robot.interact(() -> {
            var model = tab().model().orElseThrow();
            for (int n = 1; n < model.tree().size(); n++) {
                if (model.tree().name(n).equals(function)) {
                    model.zoomTo(n);
                    return;
                }
            }
            throw new IllegalArgumentException(function);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DocumentTab tab() {
        return window.currentTab().orElseThrow();
    }

    private SourcePane sourcePane() {
        return tab().sourcePane().orElseThrow();
    }

    private static Path resource(String name) {
        try {
            return Path.of(PreferencesAndSourceLinksTest.class.getResource("/source/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
