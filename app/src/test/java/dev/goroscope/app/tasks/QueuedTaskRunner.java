package dev.goroscope.app.tasks;

import dev.goroscope.importers.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Holds work until the test runs it, in any order, so tests can see what happens while it is pending. A cancelled
 * job is counted but still runs when the test says so, as work that finished just before its cancel would.
 */
public final class QueuedTaskRunner implements TaskRunner {
    private final List<Runnable> pending = new ArrayList<>();
    private int cancelled;

    @Override
    public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        pending.add(() -> {
            T value;
            try {
                value = work.call(Progress.NONE);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            progress.set(1);
            onSuccess.accept(value);
        });
        return new Job() {
            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return progress;
            }

            @Override
            public void cancel() {
                cancelled++;
            }
        };
    }

    /** How many times a job was cancelled. */
    public int cancelled() {
        return cancelled;
    }

    public int pending() {
        return pending.size();
    }

    /** Runs the work queued {@code index}-th among those still pending. */
    public void runPending(int index) {
        pending.remove(index).run();
    }
}
