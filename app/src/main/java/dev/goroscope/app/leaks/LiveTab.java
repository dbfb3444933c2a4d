package dev.goroscope.app.leaks;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.live.LivePoller;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;

/**
 * A live series: polls a service's {@code /debug/pprof/goroutine?debug=2} and redraws the series view as snapshots
 * arrive, with the snapshot count, last poll time and last error in view; Pause/Resume, Stop, Save snapshots….
 * When the service dies, what was collected stays and the error shows.
 */
public final class LiveTab extends Tab {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SeriesView view;
    private final Label state = new Label("Connecting…");
    private final Label lastError = new Label();
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save snapshots…");
    private final Consumer<String> status;
    private final LivePoller poller;
    private int count;

    /** Starts polling {@code address} every {@code interval}; throws when the address is unusable. */
    public LiveTab(String address, Duration interval, Importers importers, TaskRunner runner, Consumer<String> status,
            Consumer<Tab> openTab) throws IOException {
        this.status = status;
        view = new SeriesView(runner, status, openTab);
        state.setId("live-state");
        lastError.setId("live-error");
        lastError.getStyleClass().add("error-text");
        pause.setId("live-pause");
        stop.setId("live-stop");
        save.setId("live-save");
        view.bar().getChildren().addAll(new Separator(javafx.geometry.Orientation.VERTICAL), state, pause, stop, save,
                lastError);
        setContent(view);
        Path spool = Files.createTempDirectory("goroscope-live");
        poller = LivePoller.start(address, LivePoller.Options.DEFAULTS.withInterval(interval), new LivePoller.Listener() {
            @Override
            public void snapshot(Snapshot snapshot, int n) {
                Platform.runLater(() -> arrived(n));
            }

            @Override
            public void failed(String problem, int inARow) {
                Platform.runLater(() -> lastError.setText("Last error (" + inARow + " in a row): " + problem));
            }

            @Override
            public void stopped(String reason) {
                Platform.runLater(() -> ended(reason));
            }
        }, spool, importers);
        setText("Live · " + poller.url().getAuthority());
        setTooltip(new Tooltip(poller.url().toString()));
        pause.setOnAction(e -> {
            if (poller.isPaused()) {
                poller.resume();
                pause.setText("Pause");
            } else {
                poller.pause();
                pause.setText("Resume");
            }
        });
        stop.setOnAction(e -> poller.stop());
        save.setOnAction(e -> saveSnapshots());
        setOnClosed(e -> poller.stop());
    }

    public LivePoller poller() {
        return poller;
    }

    public SeriesView view() {
        return view;
    }

    private void arrived(int n) {
        count = n;
        state.setText(n + (n == 1 ? " snapshot" : " snapshots") + " · last poll " + LocalTime.now().format(CLOCK));
        List<Snapshot> snaps = poller.snapshots();
        if (!snaps.isEmpty()) {
            view.show(poller.analyse(LeakRules.DEFAULTS));
        }
    }

    private void ended(String reason) {
        state.setText(count + (count == 1 ? " snapshot" : " snapshots") + " · stopped: " + reason);
        pause.setDisable(true);
        stop.setDisable(true);
    }

    private void saveSnapshots() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save the snapshots into a folder");
        java.io.File dir = chooser.showDialog(getTabPane().getScene().getWindow());
        if (dir == null) {
            return;
        }
        try {
            status.accept("Saved " + poller.save(dir.toPath()).size() + " snapshots to " + dir);
        } catch (IOException ex) {
            lastError.setText(dir + ": cannot save: " + ex.getMessage());
        }
    }
}
