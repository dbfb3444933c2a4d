package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.series.SeriesLoader;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SeriesRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Connect to live service… against the real Go program samples/progs/liveserver on 127.0.0.1, which leaks
 * 2 goroutines (main.stuckReceiver, chan receive) every 100 ms next to 3 pool workers: the user types the address
 * and interval, starts, pauses, resumes, stops and saves the series, all by clicks and keys.
 */
@Tag("go")
@ExtendWith(ApplicationExtension.class)
class LiveTabGoTest {
    private MainWindow window;
    private Process server;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1400, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void watchesTheLiveServerGrowPausesResumesStopsAndSavesTheSeries(FxRobot robot, @TempDir Path tmp)
            throws Exception {
        String address = startLiveServer(tmp);
        Path saved = tmp.resolve("saved");

        robot.clickOn("File").clickOn("Connect to live service…");
        LiveTab tab = (LiveTab) window.tabs().getSelectionModel().getSelectedItem();
        robot.interact(() -> tab.setFolderPicker(w -> saved));
        robot.clickOn("#live-address").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(address);
        robot.clickOn("#live-interval .text-field").press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL).write("0.5");
        robot.clickOn("#live-start");

        assertThat(tab.poller().url()).hasToString(address + "goroutine?debug=2");
        assertThat(text(robot, "#live-state")).isEqualTo("0 snapshots · polling every 0.5 s");
        assertThat(robot.lookup("#live-busy").query().isVisible()).isTrue();
        waitUntil(() -> tab.poller().snapshots().size() >= 3);
        assertThat(text(robot, "#live-state")).matches("\\d+ snapshots · last poll \\d\\d:\\d\\d:\\d\\d · polling");

        robot.clickOn("#live-pause");
        assertThat(text(robot, "#live-state")).endsWith(" · paused");
        Thread.sleep(700);
        int atPause = tab.poller().snapshots().size();
        Thread.sleep(1500);
        assertThat(tab.poller().snapshots()).as("no poll while paused").hasSize(atPause);

        robot.clickOn("#live-pause");
        waitUntil(() -> tab.poller().snapshots().size() >= atPause + 2);

        robot.clickOn("#live-stop");
        WaitForAsyncUtils.waitForFxEvents();
        int collected = tab.poller().snapshots().size();
        assertThat(text(robot, "#live-state")).startsWith(collected + " snapshots · ").endsWith(" · stopped: stopped");
        assertThat(tab.view().chart().getData().get(0).getData()).hasSize(collected);
        SeriesRow stuck = tab.view().table().getItems().get(0);
        assertThat(stuck.entryFunction()).isEqualTo("main.stuckReceiver");
        assertThat(stuck.waitReason()).isEqualTo("chan receive");
        assertThat(stuck.growing()).isTrue();
        assertThat(tab.view().table().getItems().stream().filter(r -> r.entryFunction().equals("main.worker"))
                .findFirst().orElseThrow().counts()).containsOnly(3);

        robot.clickOn("#live-save");

        try (Stream<Path> s = Files.list(saved)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).hasSize(collected)
                    .allMatch(n -> n.matches("goroutines-\\d{13}\\.txt"));
        }
        assertThat(text(robot, "#statusMessage")).isEqualTo("Saved " + collected + " snapshots to " + saved);
        List<SeriesRow> reloaded = new SeriesLoader().load(List.of(saved), Progress.NONE)
                .analyse(LeakRules.DEFAULTS).rows();
        assertThat(reloaded.get(0).counts()).containsExactly(stuck.counts());
    }

    /** Builds and starts samples/progs/liveserver; returns the pprof address it prints. */
    private String startLiveServer(Path tmp) throws Exception {
        Path bin = tmp.resolve("liveserver");
        Process build = new ProcessBuilder("go", "build", "-trimpath", "-o", bin.toString(), "./progs/liveserver")
                .directory(Path.of("..", "samples").toFile()).inheritIO().start();
        assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
        server = new ProcessBuilder(bin.toString(), "-every", "100ms", "-per", "2", "-timeout", "120s")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(line).startsWith("listening on http://127.0.0.1:");
        return line.substring("listening on ".length());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
