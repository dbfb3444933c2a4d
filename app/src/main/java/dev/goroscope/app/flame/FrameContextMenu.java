package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The right-click menu of a flame graph box: transforms on its function, copying, its source location. */
final class FrameContextMenu extends ContextMenu {
    private final FlameGraphModel model;
    private final Consumer<String> status;
    private final MenuItem title = new MenuItem();
    private final MenuItem focus = new MenuItem("Focus on function");
    private final MenuItem isolate = new MenuItem("Isolate stacks through it");
    private final MenuItem hide = new MenuItem("Hide function");
    private final MenuItem drop = new MenuItem("Drop stacks through it");
    private final MenuItem mergeRecursion = new MenuItem("Merge recursive calls (all functions)");
    private final MenuItem copyName = new MenuItem("Copy function name");
    private final MenuItem source = new MenuItem("Show source location");
    private int node = -1;

    FrameContextMenu(FlameGraphModel model, Consumer<String> status) {
        this.model = model;
        this.status = status;
        setId("frame-menu");
        title.setDisable(true);
        title.getStyleClass().add("frame-menu-title");
        focus.setId("menu-focus");
        isolate.setId("menu-isolate");
        hide.setId("menu-hide");
        drop.setId("menu-drop");
        mergeRecursion.setId("menu-merge-recursion");
        copyName.setId("menu-copy-name");
        source.setId("menu-source");
        focus.setOnAction(e -> transform(StackTransform::focus));
        isolate.setOnAction(e -> transform(StackTransform::isolate));
        hide.setOnAction(e -> transform(StackTransform::hide));
        drop.setOnAction(e -> transform(StackTransform::drop));
        mergeRecursion.setOnAction(e -> model.apply(StackTransform.mergeRecursion()));
        copyName.setOnAction(e -> copy(tree().name(node), "Copied " + tree().name(node)));
        source.setOnAction(e -> {
            String where = FrameTooltip.locationOf(tree(), node);
            copy(where, tree().name(node) + " at " + where + " (copied)");
        });
        getItems().addAll(title, new SeparatorMenuItem(), focus, isolate, hide, drop, mergeRecursion,
                new SeparatorMenuItem(), copyName, source);
    }

    /** Opens the menu for {@code treeNode} at a screen position. */
    void showFor(int treeNode, Node anchor, double screenX, double screenY) {
        node = treeNode;
        boolean root = treeNode == CallTree.ROOT;
        title.setText(tree().name(treeNode));
        for (MenuItem item : new MenuItem[] {focus, isolate, hide, drop, copyName, source}) {
            item.setDisable(root);
        }
        show(anchor, screenX, screenY);
    }

    private CallTree tree() {
        return model.tree();
    }

    private void transform(Function<FunctionMatcher, StackTransform> kind) {
        model.apply(kind.apply(FunctionMatcher.exactly(tree().name(node))));
    }

    private void copy(String text, String message) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        status.accept(message);
    }
}
