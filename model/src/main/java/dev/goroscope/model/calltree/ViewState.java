package dev.goroscope.model.calltree;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides what a flame graph shows: the transforms, the zoomed-in node (as function names from
 * the root, so it survives a rebuild), the search and the orientation. The screen and the SVG export draw the
 * same picture from the same ViewState. Immutable; each {@code with…} returns a new one.
 *
 * @param transforms applied in order
 * @param zoomPath   function names from the root's child to the zoomed node; empty for no zoom
 * @param search     regular expression highlighted, or empty
 * @param icicle     true: root at the top (icicle); false: root at the bottom (flame)
 */
public record ViewState(List<StackTransform> transforms, List<String> zoomPath, String search, boolean icicle) {
    public static final ViewState DEFAULT = new ViewState(List.of(), List.of(), "", false);

    public ViewState {
        transforms = List.copyOf(transforms);
        zoomPath = List.copyOf(zoomPath);
        search = search == null ? "" : search;
    }

    /** Adds a transform; the zoom is kept where the transform still leaves it meaningful (not after re-rooting). */
    public ViewState withTransform(StackTransform t) {
        List<StackTransform> list = new ArrayList<>(transforms);
        list.add(t);
        boolean reRoots = t.kind() == StackTransform.Kind.FOCUS || t.kind() == StackTransform.Kind.INVERT;
        return new ViewState(list, reRoots ? List.of() : zoomPath, search, icicle);
    }

    public ViewState withoutTransforms() {
        return new ViewState(List.of(), List.of(), search, icicle);
    }

    public ViewState withZoom(List<String> path) {
        return new ViewState(transforms, path, search, icicle);
    }

    public ViewState withSearch(String s) {
        return new ViewState(transforms, zoomPath, s, icicle);
    }

    public ViewState withIcicle(boolean on) {
        return new ViewState(transforms, zoomPath, search, on);
    }

    /** Builds the call tree this view shows from its input. */
    public CallTree treeOf(dev.goroscope.model.stack.WeightedStacks input) {
        return CallTree.of(input, transforms);
    }
}
