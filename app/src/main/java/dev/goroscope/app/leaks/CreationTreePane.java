package dev.goroscope.app.leaks;

import dev.goroscope.model.analysis.CreationTree;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Who created whom: one row per creating call site, nested under the sites that created its creators. */
public final class CreationTreePane extends TreeTableView<Integer> {
    private CreationTree tree;

    CreationTreePane() {
        setId("creation-tree");
        getColumns().add(column("Call site", 520, n -> tree.label(n)));
        getColumns().add(column("Count", 80, n -> tree.count(n)));
        getColumns().add(column("Total", 80, n -> tree.total(n)));
        getColumns().add(column("Orphans", 80, n -> tree.orphans(n)));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    void show(CreationTree t) {
        tree = t;
        TreeItem<Integer> root = item(CreationTree.ROOT);
        root.setExpanded(true);
        setRoot(root);
    }

    private TreeItem<Integer> item(int node) {
        TreeItem<Integer> item = new TreeItem<>(node);
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            item.getChildren().add(item(c));
        }
        item.setExpanded(tree.depth(node) < 2);
        return item;
    }

    private static <T> TreeTableColumn<Integer, T> column(String title, double width, Function<Integer, T> value) {
        TreeTableColumn<Integer, T> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue().getValue())));
        return c;
    }
}
