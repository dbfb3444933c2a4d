package dev.goroscope.app.workspace;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar under the toolbar after several profiles were opened together: it offers to show them as one merged
 * profile, or says why they cannot be merged. Hidden until then.
 */
final class MergeOffer extends HBox {
    private final Label text = new Label();
    private final Button merge = new Button("Merge into one tab");
    private final Button dismiss = new Button("Dismiss");

    MergeOffer() {
        setId("merge-offer");
        getStyleClass().add("merge-offer");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("merge-text");
        text.getStyleClass().add("merge-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        merge.setId("merge-button");
        dismiss.setId("merge-dismiss");
        merge.getStyleClass().add("merge-button");
        dismiss.getStyleClass().add("merge-button");
        merge.setMinWidth(USE_PREF_SIZE);
        dismiss.setMinWidth(USE_PREF_SIZE);
        dismiss.setOnAction(e -> hide());
        getChildren().addAll(text, merge, dismiss);
        hide();
    }

    /** Shows {@code message} with the merge button, which hides the bar and runs {@code onMerge}. */
    void offer(String message, Runnable onMerge) {
        show(message, true);
        merge.setOnAction(e -> {
            hide();
            onMerge.run();
        });
    }

    /** Shows why the profiles opened together were not merged. */
    void refuse(String message) {
        show(message, false);
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }

    /** The text shown, empty when hidden. */
    String message() {
        return isVisible() ? text.getText() : "";
    }

    private void show(String message, boolean mergeable) {
        text.setText(message);
        merge.setVisible(mergeable);
        merge.setManaged(mergeable);
        setVisible(true);
        setManaged(true);
    }
}
