package dev.goroscope.app.keys;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The list of keyboard shortcuts over the window; any key or click closes it. */
final class ShortcutOverlay {
    private ShortcutOverlay() {
    }

    static Popup show(Window owner, List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.label());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("shortcut-title");
        VBox box = new VBox(12, title, grid);
        box.setId("shortcut-overlay");
        box.getStyleClass().add("overlay-card");
        box.setPadding(new Insets(18, 24, 18, 24));
        Popup popup = new Popup();
        popup.getContent().add(box);
        popup.setAutoHide(true);
        box.setOnKeyPressed(e -> {
            if (e.getCode() != KeyCode.SHIFT) {
                popup.hide();
            }
        });
        box.setOnMouseClicked(e -> popup.hide());
        popup.show(owner);
        popup.setX(owner.getX() + Math.max(0, (owner.getWidth() - box.getWidth()) / 2));
        popup.setY(owner.getY() + Math.max(0, (owner.getHeight() - box.getHeight()) / 3));
        box.requestFocus();
        return popup;
    }
}
