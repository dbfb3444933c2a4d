package dev.goroscope.app.workspace;

import dev.goroscope.app.tasks.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;

/**
 * The files being read: the status bar's progress bar follows the newest one, and its cancel button stops them
 * all. Both are hidden while nothing loads.
 */
final class LoadTracker {
    private final ProgressBar progress;
    private final Button cancel;
    private final List<Load> loading = new ArrayList<>();

    LoadTracker(ProgressBar progress, Button cancel) {
        this.progress = progress;
        this.cancel = cancel;
        cancel.setOnAction(e -> cancelAll());
        update();
    }

    /** A load about to start; {@code start} starts its job (which may even finish before this returns). */
    Load track(Supplier<TaskRunner.Job> start) {
        Load load = new Load();
        loading.add(load);
        load.job = start.get();
        update();
        return load;
    }

    /** Call when a load succeeded or failed. */
    void finished(Load load) {
        loading.remove(load);
        update();
    }

    private void cancelAll() {
        for (Load load : List.copyOf(loading)) {
            if (load.job != null) {
                load.job.cancel();
            }
        }
    }

    private void update() {
        Load newest = loading.isEmpty() ? null : loading.get(loading.size() - 1);
        boolean on = newest != null && newest.job != null;
        progress.progressProperty().unbind();
        if (on) {
            progress.progressProperty().bind(newest.job.progressProperty());
        }
        progress.setVisible(on);
        progress.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
    }

    /** A file being read; its job is known once the runner has started it. */
    static final class Load {
        private TaskRunner.Job job;
    }
}
