package dev.goroscope.app.tasks;

import dev.goroscope.importers.Progress;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** Runs work at once on the calling thread, so tests see the result as soon as the call returns. */
public final class InlineTaskRunner implements TaskRunner {
    private static final Job DONE = new Job() {
        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return new SimpleDoubleProperty(1);
        }

        @Override
        public void cancel() {
        }
    };

    @Override
    public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T value;
        try {
            value = work.call(Progress.NONE);
        } catch (Exception e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(value);
        return DONE;
    }
}
