package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.ViewState;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Undo and redo of view changes: the states left behind and the states undone. */
final class ViewHistory {
    private static final int LIMIT = 200;

    private final Deque<ViewState> back = new ArrayDeque<>();
    private final Deque<ViewState> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    /** Records that the view is leaving {@code current} for a new state; forgets what was undone. */
    void leaving(ViewState current) {
        back.push(current);
        if (back.size() > LIMIT) {
            back.removeLast();
        }
        forward.clear();
        update();
    }

    /** The state to go back to from {@code current}, or null. */
    ViewState undo(ViewState current) {
        if (back.isEmpty()) {
            return null;
        }
        forward.push(current);
        ViewState previous = back.pop();
        update();
        return previous;
    }

    /** The state to go forward to from {@code current}, or null. */
    ViewState redo(ViewState current) {
        if (forward.isEmpty()) {
            return null;
        }
        back.push(current);
        ViewState next = forward.pop();
        update();
        return next;
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!back.isEmpty());
        canRedo.set(!forward.isEmpty());
    }
}
