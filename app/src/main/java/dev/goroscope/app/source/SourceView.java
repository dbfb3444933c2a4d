package dev.goroscope.app.source;

import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.settings.Settings;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * Puts a {@link SourcePane} beside a flame graph and keeps it on the zoomed frame: zooming (a click) on a box
 * shows its function's source with the per-line weights of the view.
 */
public final class SourceView {
    private static GoEnvironment detected;

    private SourceView() {
    }

    /** A split pane with {@code flame} on the left and a source pane following {@code model} on the right. */
    public static SplitPane beside(Node flame, FlameGraphModel model, Settings settings, Consumer<String> status) {
        SourcePane source = new SourcePane(settings, () -> locator(settings), status);
        model.snapshotProperty().addListener((o, a, s) -> source.showNode(s.tree(), s.zoom(), s.zoom()));
        if (model.zoomNode() != 0) {
            source.showNode(model.tree(), model.zoomNode(), model.zoomNode());
        }
        SplitPane split = new SplitPane(flame, source);
        split.setId("flame-source-split");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(source, false);
        return split;
    }

    /** The source pane inside a split made by {@link #beside}. */
    public static SourcePane paneOf(SplitPane split) {
        return (SourcePane) split.getItems().get(1);
    }

    /** A locator from the user's mappings, the Go installation ({@code go env}, else the GOROOT setting). */
    public static SourceLocator locator(Settings settings) {
        GoEnvironment env = environment();
        Path goRoot = env.goRoot() != null ? env.goRoot()
                : settings.goRoot().isBlank() ? null : Path.of(settings.goRoot());
        return new SourceLocator(settings.pathMappings(), goRoot, env.moduleCache());
    }

    /** GOROOT and the module cache from {@code go env}, asked once per run. */
    public static synchronized GoEnvironment environment() {
        if (detected == null) {
            detected = GoEnvironment.detect();
        }
        return detected;
    }
}
