package dev.goroscope.app.tasks;

import dev.goroscope.importers.Progress;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;

/**
 * Runs slow work (reading a file, building a tree) away from the FX thread and hands the result back on it. The
 * app uses {@link BackgroundTaskRunner}; tests pass a runner that works inline so they need not wait.
 */
public interface TaskRunner {
    /** Work that reports progress and stops early when {@link Progress#cancelled()} turns true. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** A started piece of work. */
    interface Job {
        /** 0..1, or -1 while the amount of work is unknown. */
        ReadOnlyDoubleProperty progressProperty();

        void cancel();
    }

    /**
     * Starts {@code work}; exactly one of {@code onSuccess} and {@code onFailure} is then called on the FX thread
     * (a cancelled job fails with a {@link java.util.concurrent.CancellationException}).
     */
    <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);
}
