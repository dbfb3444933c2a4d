package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.importers.Importers;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** The main window's size, position and theme kept between runs: one window closes, the next opens as it was. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private final Settings settings = new Settings(new MemoryPreferences());

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> ActiveTheme.set(Theme.LIGHT));
    }

    @Test
    void aClosedWindowOpensAgainWithItsSizePositionAndTheme(FxRobot robot) {
        Stage first = show(robot);
        assertThat(first.getWidth()).isEqualTo(1280);
        robot.clickOn("View").clickOn("Dark theme");
        robot.interact(() -> {
            first.setX(130);
            first.setY(70);
            first.setWidth(1000);
            first.setHeight(700);
            first.close();
        });
        robot.interact(() -> ActiveTheme.set(Theme.LIGHT));

        Stage second = show(robot);

        assertThat(List.of(second.getX(), second.getY(), second.getWidth(), second.getHeight()))
                .containsExactly(130.0, 70.0, 1000.0, 700.0);
        assertThat(ActiveTheme.get()).isEqualTo(Theme.DARK);
        assertThat(second.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
    }

    @Test
    void aPositionNoScreenShowsAnyMoreIsDroppedForTheCentre(FxRobot robot) {
        settings.setWindowSize(900, 600);
        settings.setWindowPosition(9000, 7000);

        Stage stage = show(robot);

        assertThat(stage.getWidth()).isEqualTo(900);
        assertThat(stage.getX()).isBetween(0.0, 1600.0 - 900);
        assertThat(stage.getY()).isBetween(0.0, 1000.0 - 600);
    }

    private Stage show(FxRobot robot) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            MainWindow.create(new InlineTaskRunner(), Importers.all(), new RecentFiles(List.of(), l -> { }), settings)
                    .showRestored(stage[0]);
        });
        return stage[0];
    }
}
