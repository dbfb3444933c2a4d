package dev.goroscope.app.leaks;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.live.LivePoller;
import dev.goroscope.importers.live.PollSource;
import dev.goroscope.model.analysis.Snapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * A live series: the user types a service's pprof address and an interval and presses Start; the tab then polls
 * {@code /debug/pprof/goroutine?debug=2} and redraws the series view as snapshots arrive, with a busy indicator,
 * the snapshot count, the last poll time and the last error in view; Pause/Resume, Stop, Save snapshots….
 * When the service dies, what was collected stays and the error shows; closing the tab deletes what was not saved.
 */
public final class LiveTab extends Tab {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Function<String, PollSource> sources;
    private final Importers importers;
    private final TaskRunner runner;
    private final Consumer<String> status;
    private final SeriesView view;
    private final TextField address = new TextField();
    private final Spinner<Double> seconds;
    private final Button start = new Button("Start");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label state = new Label("Type the address of a service's pprof handler and press Start");
    private final Label lastError = new Label();
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save snapshots…");
    private Function<Window, Path> folderPicker = LiveTab::chooseFolder;
    private LivePoller poller;
    private int count;
    private String lastPoll = "";

    /**
     * An idle live tab showing {@code typed} and {@code interval}; {@code sources} turns the typed address into what
     * is polled (throwing {@link IllegalArgumentException} when unusable); {@code openTab} receives diff tabs.
     */
    public LiveTab(String typed, Duration interval, Function<String, PollSource> sources, Importers importers,
            TaskRunner runner, Consumer<String> status, Consumer<Tab> openTab) {
        super("Live");
        this.sources = sources;
        this.importers = importers;
        this.runner = runner;
        this.status = status;
        setId("live-tab");
        view = new SeriesView(runner, status, openTab);
        address.setId("live-address");
        address.setText(typed);
        address.setPrefColumnCount(30);
        address.setPromptText("http://HOST:PORT/debug/pprof/");
        address.setOnAction(e -> start());
        seconds = new Spinner<>(0.5, 3600, interval.toMillis() / 1000.0, 0.5);
        seconds.setId("live-interval");
        seconds.setEditable(true);
        seconds.setPrefWidth(80);
        start.setId("live-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        busy.setId("live-busy");
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        state.setId("live-state");
        lastError.setId("live-error");
        lastError.getStyleClass().add("error-text");
        pause.setId("live-pause");
        stop.setId("live-stop");
        save.setId("live-save");
        pause.setDisable(true);
        stop.setDisable(true);
        save.setDisable(true);
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> inBackground(LivePoller::stop));
        save.setOnAction(e -> saveSnapshots());
        HBox controls = new HBox(8, new Label("pprof address"), address, new Label("every (s)"), seconds, start, busy,
                pause, stop, save);
        for (Button b : List.of(start, pause, stop, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        controls.setAlignment(Pos.CENTER_LEFT);
        state.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(state.getText()),
                state.textProperty()));
        lastError.tooltipProperty().bind(Bindings.createObjectBinding(() -> lastError.getText().isEmpty() ? null
                : new Tooltip(lastError.getText()), lastError.textProperty()));
        HBox news = new HBox(16, state, lastError);
        news.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, controls, news);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setContent(new BorderPane(view, bar, null, null, null));
        setOnClosed(e -> {
            if (poller != null) {
                inBackground(LivePoller::discard);
            }
        });
    }

    /** Replaces the folder dialog of Save snapshots… (tests answer it with a folder of their own). */
    public void setFolderPicker(Function<Window, Path> picker) {
        folderPicker = picker;
    }

    /** The poller, null until Start. */
    public LivePoller poller() {
        return poller;
    }

    public SeriesView view() {
        return view;
    }

    public TextField address() {
        return address;
    }

    /** Starts polling what the address field says; a bad address shows as the error and nothing starts. */
    private void start() {
        if (poller != null) {
            return;
        }
        PollSource source;
        try {
            source = sources.apply(address.getText());
        } catch (IllegalArgumentException e) {
            lastError.setText(e.getMessage());
            return;
        }
        Duration interval = Duration.ofMillis(Math.round(seconds.getValue() * 1000));
        try {
            poller = LivePoller.start(source, LivePoller.Options.DEFAULTS.withInterval(interval), new Listener(),
                    Files.createTempDirectory("goroscope-live"), importers);
        } catch (IOException e) {
            lastError.setText("Cannot make a folder for the snapshots: " + e.getMessage());
            return;
        }
        lastError.setText("");
        setText("Live · " + source.url().getAuthority());
        setTooltip(new Tooltip(source.url().toString()));
        address.setDisable(true);
        seconds.setDisable(true);
        start.setDisable(true);
        pause.setDisable(false);
        stop.setDisable(false);
        busy.setVisible(true);
        showState("polling every " + String.format(Locale.ROOT, "%.1f", seconds.getValue()) + " s");
    }

    private void togglePause() {
        if (poller.isPaused()) {
            poller.resume();
            pause.setText("Pause");
            busy.setVisible(true);
            showState("polling");
        } else {
            poller.pause();
            pause.setText("Resume");
            busy.setVisible(false);
            showState("paused");
        }
    }

    private void arrived(int n) {
        count = n;
        lastPoll = " · last poll " + LocalTime.now().format(CLOCK);
        save.setDisable(false);
        showState(poller.isPaused() ? "paused" : "polling");
        view.show(poller.analyse(view.rules()));
    }

    private void ended(String reason) {
        busy.setVisible(false);
        pause.setDisable(true);
        stop.setDisable(true);
        showState("stopped: " + reason);
    }

    /** "12 snapshots · last poll 10:31:02 · paused". */
    private void showState(String what) {
        state.setText(count + (count == 1 ? " snapshot" : " snapshots") + lastPoll + " · " + what);
    }

    private void saveSnapshots() {
        Path dir = folderPicker.apply(getTabPane() == null ? null : getTabPane().getScene().getWindow());
        if (dir == null) {
            return;
        }
        LivePoller p = poller;
        runner.run(progress -> p.save(dir), saved -> status.accept("Saved " + saved.size() + " snapshots to " + dir),
                error -> lastError.setText(dir + ": cannot save: " + error.getMessage()));
    }

    /** What the poller does while a poll may be under way, off the FX thread (a slow service can take a while). */
    private interface PollerAction {
        void apply(LivePoller p) throws IOException;
    }

    private void inBackground(PollerAction action) {
        LivePoller p = poller;
        runner.run(progress -> {
            action.apply(p);
            return p;
        }, done -> { }, error -> status.accept(p.url() + ": " + error.getMessage()));
    }

    private static Path chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save the snapshots into a folder");
        File dir = chooser.showDialog(owner);
        return dir == null ? null : dir.toPath();
    }

    /** Hands the poller's news over to the FX thread. */
    private final class Listener implements LivePoller.Listener {
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
    }
}
