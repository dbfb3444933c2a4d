package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.FrameTable;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The one hover card of a flame graph: function, file:line, weight and its shares of the total and the parent. */
final class FrameTooltip extends VBox {
    private final Label function = new Label();
    private final Label location = new Label();
    private final Label weight = new Label();
    private final Label shares = new Label();
    private final Label note = new Label();

    FrameTooltip() {
        getStyleClass().add("frame-tooltip");
        function.getStyleClass().add("frame-tooltip-function");
        location.getStyleClass().add("frame-tooltip-location");
        weight.getStyleClass().add("frame-tooltip-weight");
        shares.getStyleClass().add("frame-tooltip-shares");
        function.setWrapText(true);
        function.setMaxWidth(520);
        note.getStyleClass().add("frame-tooltip-note");
        getChildren().addAll(function, location, weight, shares, note);
        setManaged(false);
        setMouseTransparent(true);
        setVisible(false);
    }

    /** Fills the card for {@code node}; weights are in {@code unit}; {@code extra} is one more line, or null. */
    void show(CallTree tree, int node, String unit, String extra) {
        note.setText(extra);
        note.setVisible(extra != null);
        note.setManaged(extra != null);
        function.setText(tree.name(node));
        location.setText(locationOf(tree, node));
        location.setVisible(node != CallTree.ROOT);
        location.setManaged(node != CallTree.ROOT);
        long total = tree.total(node);
        String self = tree.self(node) > 0 ? "  ·  self " + WeightFormat.format(tree.self(node), unit) : "";
        weight.setText(WeightFormat.format(total, unit) + self);
        int parent = tree.parent(node);
        shares.setText(WeightFormat.percent(total, tree.total(CallTree.ROOT)) + " of total"
                + (parent < 0 ? "" : "  ·  " + WeightFormat.percent(total, tree.total(parent)) + " of parent"));
        setVisible(true);
    }

    /** "file:line" of the node's frame, or an empty string for the root. */
    static String locationOf(CallTree tree, int node) {
        int frame = tree.frame(node);
        if (frame < 0) {
            return "";
        }
        FrameTable frames = tree.frames();
        String file = frames.fileName(frame);
        int line = frames.line(frame);
        if (file.isEmpty()) {
            return "(no source location)";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
