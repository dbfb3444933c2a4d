package dev.goroscope.app.leaks;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.live.HttpPollSource;
import dev.goroscope.importers.live.LivePoller;
import dev.goroscope.importers.series.LoadedSeries;
import dev.goroscope.importers.series.SeriesLoader;
import dev.goroscope.model.Dataset;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The leak workbench's File menu actions: Compare with…, Open Series…, Connect to live service…. Each opens a new
 * tab; slow work runs on the task runner and failures go to the error banner.
 */
public final class LeakActions {
    private static final String OTHER_FILE = "Another file…";

    private final TabPane tabs;
    private final TaskRunner runner;
    private final Importers importers;
    private final Function<Tab, Dataset> datasetOf;
    private final Consumer<String> status;
    private final Consumer<String> error;

    /** {@code datasetOf} gives an open tab's dataset, or null for a tab that shows no file. */
    public LeakActions(TabPane tabs, TaskRunner runner, Importers importers, Function<Tab, Dataset> datasetOf,
            Consumer<String> status, Consumer<String> error) {
        this.tabs = tabs;
        this.runner = runner;
        this.importers = importers;
        this.datasetOf = datasetOf;
        this.status = status;
        this.error = error;
    }

    /** File ▸ Compare with…: the selected tab against another open tab, or a file picked. */
    public void compare() {
        Tab current = tabs.getSelectionModel().getSelectedItem();
        if (current == null || datasetOf.apply(current) == null) {
            error.accept("Compare with…: open a goroutine dump or goroutine profile first");
            return;
        }
        List<String> choices = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t != current && datasetOf.apply(t) != null) {
                choices.add(t.getText());
            }
        }
        String pick = OTHER_FILE;
        if (!choices.isEmpty()) {
            choices.add(OTHER_FILE);
            ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
            dialog.setTitle("Compare with…");
            dialog.setHeaderText("Compare " + current.getText() + " (before) with (after):");
            dialog.initOwner(tabs.getScene().getWindow());
            Optional<String> answer = dialog.showAndWait();
            if (answer.isEmpty()) {
                return;
            }
            pick = answer.get();
        }
        if (!OTHER_FILE.equals(pick)) {
            String name = pick;
            tabs.getTabs().stream().filter(t -> t.getText().equals(name)).findFirst()
                    .ifPresent(t -> compareTabs(current, t));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare " + current.getText() + " with…");
        File file = chooser.showOpenDialog(tabs.getScene().getWindow());
        if (file != null) {
            compareWith(current, file.toPath());
        }
    }

    /** Opens the diff of two open tabs, {@code before → after}. */
    public void compareTabs(Tab before, Tab after) {
        Dataset a = datasetOf.apply(before);
        Dataset b = datasetOf.apply(after);
        String an = before.getText();
        String bn = after.getText();
        runner.run(p -> Comparison.of(an, a, bn, b), this::openDiff, e -> error.accept("Cannot compare: " + text(e)));
    }

    /** Opens the diff of an open tab with a file read in the background. */
    public void compareWith(Tab before, Path after) {
        Dataset a = datasetOf.apply(before);
        String an = before.getText();
        status.accept("Reading " + after.getFileName() + "…");
        runner.run(p -> Comparison.of(an, a, String.valueOf(after.getFileName()), importers.open(after, p)),
                this::openDiff, e -> error.accept("Cannot compare: " + text(e)));
    }

    /** File ▸ Open Series…: a folder of snapshots. */
    public void openSeriesFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of goroutine dumps taken over time");
        File dir = chooser.showDialog(tabs.getScene().getWindow());
        if (dir != null) {
            openSeries(List.of(dir.toPath()));
        }
    }

    /** File ▸ Open Series Files…: several snapshots. */
    public void openSeriesFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open goroutine dumps taken over time");
        List<File> files = chooser.showOpenMultipleDialog(tabs.getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            openSeries(files.stream().map(File::toPath).toList());
        }
    }

    /** Reads {@code paths} (files or folders) as a series in the background and opens its tab. */
    public void openSeries(List<Path> paths) {
        status.accept("Reading the series…");
        runner.run(p -> new SeriesLoader(importers).load(paths, p), loaded -> {
            SeriesView view = new SeriesView(runner, status, this::add);
            view.show(loaded.analyse(view.rules()));
            Tab tab = new Tab("Series · " + name(paths), view);
            tab.setId("series-tab");
            add(tab);
            status.accept(summary(loaded));
        }, e -> error.accept(text(e)));
    }

    /** File ▸ Connect to live service…: opens an idle live tab whose address field has the focus. */
    public void connectLive() {
        LiveTab tab = new LiveTab("http://127.0.0.1:6060/debug/pprof/", Duration.ofSeconds(10),
                typed -> HttpPollSource.of(typed, LivePoller.Options.DEFAULTS), importers, runner, status, this::add);
        add(tab);
        tab.address().requestFocus();
        tab.address().selectAll();
    }

    private void openDiff(Comparison c) {
        add(new DiffTab(c, runner, status));
    }

    private void add(Tab tab) {
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private static String name(List<Path> paths) {
        return paths.size() == 1 ? String.valueOf(paths.get(0).getFileName()) : paths.size() + " files";
    }

    private static String summary(LoadedSeries s) {
        return "Read " + s.snapshots().size() + " snapshots" + (s.problems().isEmpty() ? ""
                : " — " + s.problems().size() + " could not be read: " + String.join("; ", s.problems()));
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
