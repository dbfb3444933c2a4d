package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.live.PollSource;
import dev.goroscope.importers.live.PprofEndpoint;
import dev.goroscope.model.analysis.SeriesRow;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
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
 * The live tab driven by clicks, polling a stand-in for a service that answers with the real snapshots of
 * samples/progs/growing (3, 6, 9, 12, 15 goroutines in main.leakySend) and then, in one test, answers garbage once
 * and dies. The same tab against the real Go program: {@link LiveTabGoTest}.
 */
@ExtendWith(ApplicationExtension.class)
class LiveTabTest {
    private static final String ADDRESS = "127.0.0.1:6060";

    private final AtomicReference<String> typed = new AtomicReference<>();
    private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> dumps = growingDumps();
    private final Service service = new Service();
    private LiveTab tab;

    /** Answers the growing dumps in turn; after {@code dieAfter} answers, garbage once, then no connection. */
    private final class Service implements PollSource {
        final AtomicInteger calls = new AtomicInteger();
        volatile int dieAfter = Integer.MAX_VALUE;

        @Override
        public URI url() {
            return PprofEndpoint.goroutineDump(ADDRESS);
        }

        @Override
        public byte[] fetch() throws IOException {
            int n = calls.getAndIncrement();
            if (n < dieAfter) {
                return dumps.get(Math.min(n, dumps.size() - 1));
            }
            if (n == dieAfter) {
                return "<html><body>502 Bad Gateway</body></html>\n".getBytes(StandardCharsets.UTF_8);
            }
            throw new IOException(url() + ": Connection refused");
        }
    }

    @Start
    void start(Stage stage) {
        tab = new LiveTab("http://127.0.0.1:6060/debug/pprof/", Duration.ofMillis(500), t -> {
            PprofEndpoint.goroutineDump(t);
            typed.set(t);
            return service;
        }, Importers.all(), new InlineTaskRunner(), statuses::add, t -> { });
        stage.setScene(new Scene(new TabPane(tab), 1400, 700));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tab.poller() != null) {
            tab.poller().stop();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void anAddressThatIsNoHttpUrlShowsWhyAndStartsNothing(FxRobot robot) {
        typeAddress(robot, "ftp://" + ADDRESS + "/");
        robot.clickOn("#live-start");

        assertThat(text(robot, "#live-error")).isEqualTo("only http and https are supported: ftp://" + ADDRESS + "/");
        assertThat(tab.poller()).isNull();
        assertThat(robot.lookup("#live-pause").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#live-start").queryButton().isDisabled()).isFalse();
    }

    @Test
    void pauseSkipsPollsResumeGoesOnAndStopEndsThePolling(FxRobot robot) throws Exception {
        typeAddress(robot, ADDRESS);
        robot.clickOn("#live-start");

        assertThat(typed.get()).isEqualTo(ADDRESS);
        assertThat(tab.getText()).isEqualTo("Live · " + ADDRESS);
        assertThat(robot.lookup("#live-busy").query().isVisible()).isTrue();
        waitUntil(() -> tab.poller().snapshots().size() >= 2);

        robot.clickOn("#live-pause");
        assertThat(robot.lookup("#live-pause").queryButton().getText()).isEqualTo("Resume");
        assertThat(text(robot, "#live-state")).endsWith(" · paused");
        assertThat(robot.lookup("#live-busy").query().isVisible()).isFalse();
        Thread.sleep(600);
        int atPause = service.calls.get();
        Thread.sleep(1500);
        assertThat(service.calls.get()).as("no poll while paused").isEqualTo(atPause);

        robot.clickOn("#live-pause");
        int collected = tab.poller().snapshots().size();
        waitUntil(() -> tab.poller().snapshots().size() > collected);
        assertThat(robot.lookup("#live-pause").queryButton().getText()).isEqualTo("Pause");

        robot.clickOn("#live-stop");
        WaitForAsyncUtils.waitForFxEvents();
        int n = tab.poller().snapshots().size();
        assertThat(text(robot, "#live-state")).startsWith(n + " snapshots · last poll ").endsWith(" · stopped: stopped");
        assertThat(robot.lookup("#live-pause").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#live-stop").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#live-busy").query().isVisible()).isFalse();
        assertThat(tab.view().chart().getData().get(0).getData()).hasSize(n);

        Path spool = tab.poller().spool();
        assertThat(spool).isNotEmptyDirectory();
        robot.clickOn(".tab-close-button");
        assertThat(spool).as("what was not saved is deleted with the tab").doesNotExist();
    }

    @Test
    void aServiceThatAnswersGarbageAndDiesLeavesWhatWasCollectedAndItSaves(FxRobot robot, @TempDir Path tmp)
            throws Exception {
        service.dieAfter = 5;
        Path saved = tmp.resolve("saved");
        robot.interact(() -> tab.setFolderPicker(window -> saved));
        typeAddress(robot, ADDRESS);
        robot.clickOn("#live-start");

        Button pause = robot.lookup("#live-pause").queryButton();
        waitUntil(pause::isDisabled);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#live-state")).startsWith("5 snapshots · last poll ")
                .endsWith(" · stopped: 5 polls failed in a row; last: " + service.url() + ": Connection refused");
        assertThat(text(robot, "#live-error"))
                .isEqualTo("Last error (5 in a row): " + service.url() + ": Connection refused");
        assertThat(tab.view().chart().getData().get(0).getData()).extracting(d -> d.getYValue().longValue())
                .containsExactly(11L, 13L, 19L, 21L, 27L);
        SeriesRow sends = tab.view().table().getItems().get(0);
        assertThat(sends.entryFunction()).isEqualTo("main.leakySend");
        assertThat(sends.counts()).containsExactly(3, 6, 9, 12, 15);
        assertThat(sends.growing()).isTrue();

        robot.clickOn("#live-save");

        List<Path> files;
        try (Stream<Path> s = Files.list(saved)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(5).allMatch(p -> p.getFileName().toString().matches("goroutines-\\d{13}\\.txt"));
        for (int i = 0; i < 5; i++) {
            assertThat(Files.readAllBytes(files.get(i))).isEqualTo(dumps.get(i));
        }
        assertThat(statuses).contains("Saved 5 snapshots to " + saved);
    }

    /** Types {@code address} over what the address field shows. */
    private static void typeAddress(FxRobot robot, String address) {
        robot.clickOn("#live-address").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(address);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<byte[]> growingDumps() {
        try (Stream<Path> s = Files.list(LeakData.path("growing"))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("goroutines-")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
