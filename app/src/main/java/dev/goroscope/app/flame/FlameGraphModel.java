package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The view-model of one flame graph: the weighted stacks shown and the {@link ViewState} that decides how. Every
 * change publishes one consistent {@link FlameSnapshot}; the canvas, breadcrumbs, chips and goroutine table all
 * draw from it. Zooms and transforms can be undone; the search and the orientation are not history steps.
 * Call on the FX thread.
 */
public final class FlameGraphModel {
    private final ReadOnlyObjectWrapper<WeightedStacks> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<FlameSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError", "");
    private final ViewHistory history = new ViewHistory();
    private CallTree cachedTree;

    public FlameGraphModel(WeightedStacks stacks) {
        input.set(stacks);
        show(ViewState.DEFAULT);
    }

    /** Shows other stacks (e.g. another sample type) with the same view; the tree is rebuilt. */
    public void setInput(WeightedStacks stacks) {
        input.set(stacks);
        cachedTree = null;
        show(view());
    }

    public ReadOnlyObjectProperty<WeightedStacks> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FlameSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public FlameSnapshot snapshot() {
        return snapshot.get();
    }

    public ViewState view() {
        return snapshot.get() == null ? ViewState.DEFAULT : snapshot.get().view();
    }

    public CallTree tree() {
        return snapshot.get().tree();
    }

    /** The node the view is zoomed on; the root when not zoomed. */
    public int zoomNode() {
        return snapshot.get().zoom();
    }

    /** Why the search text is not a valid regular expression; empty when it is. */
    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** Zooms on {@code node} of the current tree; zooming on the root resets the zoom. */
    public void zoomTo(int node) {
        zoomToPath(tree().pathOf(node));
    }

    /** Zooms on the node at the end of {@code path} (function names from the root's child). */
    public void zoomToPath(List<String> path) {
        if (!path.equals(view().zoomPath())) {
            navigate(view().withZoom(path));
        }
    }

    public void resetZoom() {
        zoomToPath(List.of());
    }

    /** Adds a transform after the current ones. */
    public void apply(StackTransform t) {
        navigate(view().withTransform(t));
    }

    /** Removes the transform at {@code index}; the zoom is dropped when that transform re-rooted the tree. */
    public void removeTransform(int index) {
        List<StackTransform> list = new ArrayList<>(view().transforms());
        StackTransform removed = list.remove(index);
        List<String> zoom = reRoots(removed) ? List.of() : view().zoomPath();
        navigate(new ViewState(list, zoom, view().search(), view().icicle()));
    }

    /** Whether the tree shows callers (the stacks inverted). */
    public boolean isCallers() {
        return view().transforms().stream().filter(t -> t.kind() == StackTransform.Kind.INVERT).count() % 2 == 1;
    }

    /** Shows callers (inverted stacks) or callees; turning it off removes the last inversion. */
    public void setCallers(boolean on) {
        if (on == isCallers()) {
            return;
        }
        if (on) {
            apply(StackTransform.invert());
            return;
        }
        List<StackTransform> list = view().transforms();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).kind() == StackTransform.Kind.INVERT) {
                removeTransform(i);
                return;
            }
        }
    }

    /**
     * Highlights the functions whose names the regular expression finds a match in. An invalid expression sets
     * {@link #searchErrorProperty()} and clears the highlight instead of throwing.
     */
    public void setSearch(String regex) {
        String text = regex == null ? "" : regex;
        if (!text.isEmpty()) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                searchError.set(e.getDescription());
                show(view().withSearch(""));
                return;
            }
        }
        searchError.set("");
        show(view().withSearch(text));
    }

    public void setIcicle(boolean icicle) {
        if (icicle != view().icicle()) {
            show(view().withIcicle(icicle));
        }
    }

    /** Goes back to the previous zoom and transforms, keeping the current search and orientation. */
    public void undo() {
        ViewState previous = history.undo(view());
        if (previous != null) {
            show(keepingLook(previous));
        }
    }

    public void redo() {
        ViewState next = history.redo(view());
        if (next != null) {
            show(keepingLook(next));
        }
    }

    private ViewState keepingLook(ViewState s) {
        return new ViewState(s.transforms(), s.zoomPath(), view().search(), view().icicle());
    }

    private void navigate(ViewState next) {
        history.leaving(view());
        show(next);
    }

    private void show(ViewState v) {
        CallTree tree = treeFor(v);
        int zoom = tree.find(v.zoomPath());
        CallTreeSearch search = v.search().isEmpty() ? null : CallTreeSearch.run(tree, Pattern.compile(v.search()), zoom);
        snapshot.set(new FlameSnapshot(tree, zoom, search, v));
    }

    private CallTree treeFor(ViewState v) {
        if (cachedTree == null || !cachedTree.transforms().equals(v.transforms())) {
            cachedTree = CallTree.of(input.get(), v.transforms());
        }
        return cachedTree;
    }

    private static boolean reRoots(StackTransform t) {
        return t.kind() == StackTransform.Kind.FOCUS || t.kind() == StackTransform.Kind.INVERT;
    }
}
