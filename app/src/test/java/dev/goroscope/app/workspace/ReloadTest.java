package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.TestWindows;
import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.importers.Importers;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * A tab whose file is rewritten on disk: the banner offers a reload, the reload replaces the tab's content, a
 * reload that fails keeps the old content, and the automatic setting reloads without asking. The files are real
 * captures copied to a temporary folder and overwritten there.
 */
@ExtendWith(ApplicationExtension.class)
class ReloadTest {
    private final Settings settings = new Settings(new MemoryPreferences());
    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800, settings);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRewrittenDumpIsOfferedForReloadAndTheReloadShowsTheNewGoroutines(FxRobot robot) throws Exception {
        Path file = dir.resolve("goroutines.txt");
        Files.copy(TestData.dumpPath(), file);
        DocumentTab before = open(robot, file);
        assertThat(before.dataset().dump().size()).isEqualTo(59);

        Files.copy(resource("/source/go1.26-leaks-debug2.txt"), file, StandardCopyOption.REPLACE_EXISTING);
        waitUntilVisible(robot, "#changeBanner");
        assertThat(robot.lookup("#changeText").queryAs(Label.class).getText())
                .startsWith("goroutines.txt changed on disk.");
        robot.clickOn("#reloadChanged");

        DocumentTab after = window.currentTab().orElseThrow();
        assertThat(window.tabs().getTabs()).containsExactly(after);
        assertThat(after).isNotSameAs(before);
        int expected = Importers.all().open(resource("/source/go1.26-leaks-debug2.txt")).dump().size();
        assertThat(after.dataset().dump().size()).isEqualTo(expected).isNotEqualTo(59);
        assertThat(robot.lookup("#changeBanner").query().isVisible()).isFalse();
        assertThat(window.errorMessage()).isEmpty();
    }

    @Test
    void aReloadThatFailsKeepsTheOldContentAndSaysWhy(FxRobot robot) throws Exception {
        Path file = dir.resolve("goroutine.pb.gz");
        byte[] profile = Files.readAllBytes(resource("/go1.26/goroutine.pb.gz"));
        Files.write(file, profile);
        DocumentTab before = open(robot, file);
        long total = before.model().orElseThrow().tree().input().totalWeight();

        Files.write(file, Arrays.copyOf(profile, profile.length / 2));
        waitUntilVisible(robot, "#changeBanner");
        robot.clickOn("#reloadChanged");

        assertThat(window.tabs().getTabs()).containsExactly(before);
        assertThat(before.model().orElseThrow().tree().input().totalWeight()).isEqualTo(total);
        assertThat(window.errorMessage()).contains("goroutine.pb.gz").endsWith("the tab keeps what it showed before");
    }

    @Test
    void withAutomaticReloadTheTabIsReplacedWithoutAsking(FxRobot robot) throws Exception {
        settings.setReloadAutomatically(true);
        Path file = dir.resolve("goroutines.txt");
        Files.copy(TestData.dumpPath(), file);
        DocumentTab before = open(robot, file);

        Files.copy(resource("/source/go1.26-leaks-debug2.txt"), file, StandardCopyOption.REPLACE_EXISTING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.currentTab().orElseThrow() != before);

        assertThat(window.currentTab().orElseThrow().dataset().dump().size()).isNotEqualTo(59);
        assertThat(robot.lookup("#changeBanner").query().isVisible()).isFalse();
    }

    private DocumentTab open(FxRobot robot, Path file) {
        robot.interact(() -> window.open(file));
        return window.currentTab().orElseThrow();
    }

    private static void waitUntilVisible(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, node::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReloadTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
