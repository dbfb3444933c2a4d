package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.ViewState;

/**
 * What one flame graph shows at one moment, consistent as a whole: the tree built with the view's transforms,
 * the node the view is zoomed on in that tree, and the search result (null when nothing is searched).
 */
public record FlameSnapshot(CallTree tree, int zoom, CallTreeSearch search, ViewState view) {
    /** Whether the box of {@code node} is highlighted as a search match. */
    public boolean matched(int node) {
        return search != null && search.matched()[node];
    }
}
