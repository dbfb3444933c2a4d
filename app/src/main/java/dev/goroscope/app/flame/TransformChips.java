package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.StackTransform;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The active transforms in order, each a chip with a button that removes it. Hidden when there is none. */
final class TransformChips extends FlowPane {
    private final FlameGraphModel model;
    private List<StackTransform> shown;

    TransformChips(FlameGraphModel model) {
        this.model = model;
        setId("transform-chips");
        getStyleClass().add("transform-chips");
        setHgap(6);
        setVgap(4);
        model.snapshotProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        List<StackTransform> transforms = model.view().transforms();
        if (transforms.equals(shown)) {
            return;
        }
        shown = transforms;
        List<Node> nodes = new ArrayList<>();
        if (!transforms.isEmpty()) {
            nodes.add(styled(new Label("Transforms"), "chips-title"));
        }
        for (int i = 0; i < transforms.size(); i++) {
            nodes.add(chip(transforms.get(i), i));
        }
        getChildren().setAll(nodes);
        setVisible(!transforms.isEmpty());
        setManaged(!transforms.isEmpty());
    }

    private Node chip(StackTransform t, int index) {
        Label text = new Label(t.toString());
        text.getStyleClass().add("chip-text");
        Button remove = new Button("✕");
        remove.getStyleClass().add("chip-remove");
        remove.setId("chip-remove-" + index);
        remove.setTooltip(new Tooltip("Remove " + t));
        remove.setOnAction(e -> model.removeTransform(index));
        HBox chip = new HBox(text, remove);
        chip.getStyleClass().add("chip");
        chip.getStyleClass().add("chip-" + t.kind().name().toLowerCase(java.util.Locale.ROOT));
        return chip;
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
