package dev.goroscope.app.flame;

import dev.goroscope.model.stack.GoFunctionName;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The path from the root to the node the screen is zoomed on, one link per function; a link zooms out to its
 * function. When the zoomed function is no longer in the tree (hidden, or gone from a reloaded file) the path ends
 * at its nearest ancestor that is. Long paths keep the first and the last crumbs and elide the middle.
 */
final class Breadcrumbs extends HBox {
    private static final int HEAD = 2;
    private static final int TAIL = 4;

    private final FlameGraphModel model;
    private List<String> shown;

    Breadcrumbs(FlameGraphModel model) {
        this.model = model;
        setId("breadcrumbs");
        getStyleClass().add("breadcrumbs");
        model.snapshotProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        List<String> path = model.tree().pathOf(model.zoomNode());
        if (path.equals(shown) && !getChildren().isEmpty()) {
            return;
        }
        shown = path;
        List<Node> nodes = new ArrayList<>();
        nodes.add(crumb("all", "all", path, 0));
        boolean elide = path.size() > HEAD + TAIL;
        for (int i = 0; i < path.size(); i++) {
            if (elide && i >= HEAD && i < path.size() - TAIL) {
                if (i == HEAD) {
                    nodes.add(separator());
                    nodes.add(styled(new Label("…"), "crumb-elided"));
                }
                continue;
            }
            nodes.add(separator());
            nodes.add(crumb(GoFunctionName.shortName(path.get(i)), path.get(i), path, i + 1));
        }
        getChildren().setAll(nodes);
    }

    /** A link to the prefix {@code path[0..length)}; the current (last) crumb is plain bold text. */
    private Node crumb(String text, String full, List<String> path, int length) {
        if (length == path.size()) {
            Label current = styled(new Label(text), "crumb-current");
            current.setTooltip(new Tooltip(full));
            return current;
        }
        Hyperlink link = styled(new Hyperlink(text), "crumb");
        link.setTooltip(new Tooltip(full));
        List<String> target = List.copyOf(path.subList(0, length));
        link.setOnAction(e -> model.zoomToPath(target));
        return link;
    }

    private static Label separator() {
        return styled(new Label("›"), "crumb-separator");
    }

    private static <T extends javafx.scene.control.Control> T styled(T control, String styleClass) {
        control.getStyleClass().add(styleClass);
        return control;
    }
}
