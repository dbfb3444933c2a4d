package dev.goroscope.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.TestWindows;
import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.workspace.MainWindow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
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
 * The light and dark themes switched from the View menu and its shortcut, on a real Go 1.19 dump (flame graph,
 * controls) and a real Go 1.26 trace (timeline): the controls' CSS and the canvases' backgrounds follow at once.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    private final Settings settings = new Settings(new MemoryPreferences());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800, settings);
        window.open(TestData.dumpPath());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> ActiveTheme.set(Theme.LIGHT));
    }

    @Test
    void theViewMenuSwitchesControlsAndTheFlameGraphToDarkAndTheShortcutBack(FxRobot robot) throws Exception {
        assertThat(brightness(robot, "#flame-canvas")).isGreaterThan(0.95);
        assertThat(menuBarBackground(robot).getBrightness()).isGreaterThan(0.95);

        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ActiveTheme.get()).isEqualTo(Theme.DARK);
        assertThat(settings.theme()).isEqualTo("dark");
        assertThat(robot.lookup("#flame-canvas").query().getScene().getStylesheets())
                .anyMatch(s -> s.endsWith("dark.css"));
        assertThat(brightness(robot, "#flame-canvas")).isLessThan(0.2);
        assertThat(menuBarBackground(robot)).isEqualTo(Color.web(hex(ThemeColors.DARK.background())));

        robot.clickOn("#flame-canvas").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D)
                .release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ActiveTheme.get()).isEqualTo(Theme.LIGHT);
        assertThat(settings.theme()).isEqualTo("light");
        assertThat(brightness(robot, "#flame-canvas")).isGreaterThan(0.95);
    }

    @Test
    void theTimelineRepaintsItsBackgroundAndGutterInTheDarkTheme(FxRobot robot) throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI());
        robot.interact(() -> window.open(trace));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(brightness(robot, "#timeline-canvas")).isGreaterThan(0.85);

        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(brightness(robot, "#timeline-canvas")).isLessThan(0.3);
    }

    /** The brightness of the top-left corner of the canvas view {@code query}, below the timeline's header. */
    private static double brightness(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        int y = query.contains("timeline") ? 60 : 4;
        return image.getPixelReader().getColor(2, y).getBrightness();
    }

    private static Color menuBarBackground(FxRobot robot) {
        return (Color) robot.lookup(".menu-bar").queryAs(MenuBar.class).getBackground().getFills().get(0).getFill();
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}
