package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.tasks.BackgroundTaskRunner;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.dump.DumpImporter;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
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
 * While a large dump loads in the background, the window answers clicks and typing at once; the load can be
 * cancelled from the status bar, leaving the open tab as it was, and when let run it opens every goroutine.
 */
@ExtendWith(ApplicationExtension.class)
class LoadResponsivenessTest {
    /** The Go 1.19 dump repeated this often: about 10 MB, 59,000 goroutines. */
    private static final int COPIES = 1_000;
    private static final int GOROUTINES_PER_COPY = 59;
    private static final Pattern GOROUTINE_ID = Pattern.compile("(goroutine |in goroutine )(\\d+)");

    private final HeldLoad held = new HeldLoad();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = MainWindow.create(new BackgroundTaskRunner(), new Importers(List.of(held)),
                new RecentFiles(List.of(), l -> { }));
        window.showOn(stage, 1200, 800);
        window.open(TestData.dumpPath());
    }

    @AfterEach
    void cleanUp() throws Exception {
        held.release.countDown();
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowAnswersWhileALargeFileLoadsAndCancelKeepsTheOpenTab(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path large = largeDump(dir);
        Tab first = waitForTabs(1).get(0);

        robot.interact(() -> window.open(large));
        assertThat(held.reachedMiddle.await(30, TimeUnit.SECONDS)).as("the load reached the middle").isTrue();

        assertThat(robot.lookup("#cancelLoad").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#progress").queryAs(Node.class).isVisible()).isTrue();
        assertThat(fxRoundTripMillis()).as("ms for the FX thread to run a task during the load").isLessThan(500);
        robot.clickOn("#search-field").write("chan");
        assertThat(robot.lookup("#search-field").queryAs(TextField.class).getText()).isEqualTo("chan");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#match-label").queryAs(Label.class).getText().startsWith("Matched: "));

        robot.clickOn("#cancelLoad");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#cancelLoad").queryAs(Node.class).isVisible());
        assertThat(window.tabs().getTabs()).containsExactly(first);
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isSameAs(first);
        assertThat(window.errorMessage()).isEmpty();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Cancelled opening " + large.getFileName());
        assertThat(robot.lookup("#search-field").queryAs(TextField.class).getText()).isEqualTo("chan");
    }

    @Test
    void aLargeFileLetRunOpensEveryGoroutineInANewTab(FxRobot robot, @TempDir Path dir) throws Exception {
        Path large = largeDump(dir);
        waitForTabs(1);

        robot.interact(() -> window.open(large));
        assertThat(held.reachedMiddle.await(30, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#search-field").write("select");
        held.release.countDown();

        List<Tab> tabs = waitForTabs(2);
        DocumentTab opened = (DocumentTab) tabs.get(1);
        assertThat(opened.dataset().dump().size()).isEqualTo(COPIES * GOROUTINES_PER_COPY);
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isSameAs(opened);
    }

    private List<Tab> waitForTabs(int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.tabs().getTabs().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(window.tabs().getTabs());
    }

    private static long fxRoundTripMillis() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        Platform.runLater(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The Go 1.19 dump again and again, each copy's goroutine ids (and the ids of their creators) moved by a
     * million, so the copies are distinct goroutines of one large dump rather than one goroutine printed again.
     */
    private static Path largeDump(Path dir) throws IOException {
        String dump = Files.readString(TestData.dumpPath());
        Matcher ids = GOROUTINE_ID.matcher(dump);
        Path large = dir.resolve("large-dump.txt");
        try (Writer out = Files.newBufferedWriter(large)) {
            for (int copy = 0; copy < COPIES; copy++) {
                long shift = copy * 1_000_000L;
                ids.reset();
                out.write(ids.replaceAll(m -> m.group(1) + (Long.parseLong(m.group(2)) + shift)));
                out.write('\n');
            }
        }
        return large;
    }

    /**
     * The real dump importer, which holds a load of a file named "large…" at its first progress report, in the
     * middle of the file, until the test lets it go on or the user cancels: so the test knows the load is under
     * way while it clicks, however fast this machine reads.
     */
    private static final class HeldLoad implements Importer {
        final CountDownLatch reachedMiddle = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final DumpImporter dumps = new DumpImporter(2, 1 << 20);

        @Override
        public String name() {
            return dumps.name();
        }

        @Override
        public Confidence sniff(byte[] head, int length) {
            return dumps.sniff(head, length);
        }

        @Override
        public Dataset read(ImportSource source, Progress progress) throws ImportException {
            if (!source.name().contains("large")) {
                return dumps.read(source, progress);
            }
            return dumps.read(source, new Progress() {
                @Override
                public void update(long done, long total) {
                    progress.update(done, total);
                    if (done < total) {
                        reachedMiddle.countDown();
                        waitForReleaseOrCancel(progress);
                    }
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            });
        }

        private void waitForReleaseOrCancel(Progress progress) {
            try {
                while (!progress.cancelled() && !release.await(10, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
