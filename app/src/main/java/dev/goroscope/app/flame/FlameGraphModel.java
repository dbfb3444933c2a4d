package dev.goroscope.app.flame;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The view-model of one flame graph: the weighted stacks shown and the {@link ViewState} that decides how. Every
 * change publishes one consistent {@link FlameSnapshot}; the canvas, breadcrumbs, chips and goroutine table all
 * draw from it. Zooms and transforms can be undone; the search and the orientation are not history steps.
 * A tree the view needs and has not built yet is built by the {@link TaskRunner} while the last snapshot stays on
 * screen ({@link #busyProperty()}); only the newest request is published. The last few trees are kept, so undo
 * and redo are immediate. Call on the FX thread.
 */
public final class FlameGraphModel {
    private static final int CACHED_TREES = 3;

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<FlameSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError", "");
    private final ViewHistory history = new ViewHistory();
    private final Deque<CallTree> trees = new ArrayDeque<>();
    private final Set<Build> building = new HashSet<>();
    private WeightedStacks input;
    private ViewState requested = ViewState.DEFAULT;

    /** Shows {@code tree} (built with no transform) as it is; later trees are built by {@code runner}. */
    public FlameGraphModel(CallTree tree, TaskRunner runner) {
        this.runner = runner;
        this.input = tree.input();
        trees.add(tree);
        show(ViewState.DEFAULT);
    }

    /** Shows other stacks (e.g. another sample type) with the same view; the tree is rebuilt. */
    public void setInput(WeightedStacks stacks) {
        input = stacks;
        trees.clear();
        show(requested);
    }

    /**
     * Shows {@code v} as the view this model starts from, e.g. the view of the file a reload replaces: no history
     * step. Its zoom lands on the deepest node of its path that these stacks have. Its search must be a valid
     * regular expression (see {@link #setSearch}).
     */
    public void restore(ViewState v) {
        show(v);
    }

    public ReadOnlyObjectProperty<FlameSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public FlameSnapshot snapshot() {
        return snapshot.get();
    }

    /** The view on screen, or the one being built when a tree is on its way. */
    public ViewState view() {
        return requested;
    }

    /** The tree on screen. */
    public CallTree tree() {
        return snapshot.get().tree();
    }

    /** The node the view on screen is zoomed on; the root when not zoomed. */
    public int zoomNode() {
        return snapshot.get().zoom();
    }

    /** What a weight on screen counts, e.g. "goroutines" or "nanoseconds". */
    public String unit() {
        return tree().input().unit();
    }

    /** True while a tree is being built for the requested view. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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

    /** Zooms on {@code node} of the tree on screen; zooming on the root resets the zoom. */
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

    /**
     * Publishes {@code v} at once when its tree is at hand; otherwise builds the tree (unless that build already
     * runs) and publishes whatever view is requested by then, if that tree is still the one it needs.
     */
    private void show(ViewState v) {
        requested = v;
        CallTree cached = cachedTree(v.transforms());
        if (cached != null) {
            busy.set(false);
            publish(cached, v);
            return;
        }
        busy.set(true);
        WeightedStacks stacks = input;
        List<StackTransform> transforms = v.transforms();
        if (!building.add(new Build(stacks, transforms))) {
            return;
        }
        runner.run(p -> CallTree.of(stacks, transforms),
                tree -> {
                    building.remove(new Build(stacks, transforms));
                    if (stacks == input) {
                        remember(tree);
                    }
                    if (tree == cachedTree(requested.transforms())) {
                        busy.set(false);
                        publish(tree, requested);
                    }
                },
                error -> {
                    building.remove(new Build(stacks, transforms));
                    if (stacks == input && requested.transforms().equals(transforms)) {
                        busy.set(false);
                        requested = snapshot.get().view();
                    }
                });
    }

    private void publish(CallTree tree, ViewState v) {
        int zoom = tree.find(v.zoomPath());
        CallTreeSearch search = v.search().isEmpty() ? null : CallTreeSearch.run(tree, Pattern.compile(v.search()), zoom);
        snapshot.set(new FlameSnapshot(tree, zoom, search, v));
    }

    private CallTree cachedTree(List<StackTransform> transforms) {
        for (CallTree t : trees) {
            if (t.input() == input && t.transforms().equals(transforms)) {
                return t;
            }
        }
        return null;
    }

    private void remember(CallTree tree) {
        trees.addFirst(tree);
        while (trees.size() > CACHED_TREES) {
            trees.removeLast();
        }
    }

    /** A tree under construction: which stacks, which transforms. Stacks compare by identity. */
    private record Build(WeightedStacks stacks, List<StackTransform> transforms) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Build b && b.stacks == stacks && b.transforms.equals(transforms);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(stacks) * 31 + transforms.hashCode();
        }
    }

    private static boolean reRoots(StackTransform t) {
        return t.kind() == StackTransform.Kind.FOCUS || t.kind() == StackTransform.Kind.INVERT;
    }
}
