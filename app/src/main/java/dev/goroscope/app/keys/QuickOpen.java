package dev.goroscope.app.keys;

import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.model.calltree.CallTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * Ctrl+P: the functions of the current flame graph, heaviest first, filtered by what is typed (every word must
 * appear); Enter zooms the graph on the chosen function's heaviest node.
 */
public final class QuickOpen {
    private QuickOpen() {
    }

    /** Function names of {@code tree}, each with its heaviest node, heaviest first. */
    public static List<Choice> choices(CallTree tree) {
        Map<String, Integer> best = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            int node = n;
            best.merge(tree.name(n), n, (a, b) -> tree.total(a) >= tree.total(node) ? a : node);
        }
        List<Choice> out = new ArrayList<>();
        best.forEach((name, node) -> out.add(new Choice(name, node, tree.total(node))));
        out.sort((a, b) -> a.weight() != b.weight() ? Long.compare(b.weight(), a.weight()) : a.name().compareTo(b.name()));
        return out;
    }

    /** Whether {@code name} contains every word of {@code query}, ignoring case. */
    public static boolean matches(String name, String query) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!n.contains(w)) {
                return false;
            }
        }
        return true;
    }

    static Popup show(Window owner, FlameGraphModel model) {
        CallTree tree = model.tree();
        FilteredList<Choice> shown = new FilteredList<>(FXCollections.observableArrayList(choices(tree)));
        TextField query = new TextField();
        query.setId("quick-open-field");
        query.setPromptText("Go to function…");
        ListView<Choice> list = new ListView<>(shown);
        list.setId("quick-open-list");
        list.setPrefSize(560, 320);
        list.getSelectionModel().selectFirst();
        VBox box = new VBox(6, query, list);
        box.getStyleClass().add("overlay-card");
        box.setPadding(new Insets(10));
        Popup popup = new Popup();
        popup.getContent().add(box);
        popup.setAutoHide(true);
        query.textProperty().addListener((o, a, text) -> {
            shown.setPredicate(c -> matches(c.name(), text));
            list.getSelectionModel().selectFirst();
        });
        Runnable choose = () -> {
            Choice c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                popup.hide();
                model.zoomToPath(tree.pathOf(c.node()));
            }
        };
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose.run();
            }
        });
        popup.show(owner, owner.getX() + Math.max(0, (owner.getWidth() - 580) / 2), owner.getY() + 80);
        query.requestFocus();
        return popup;
    }

    /** A function and the node of it that weighs most. */
    public record Choice(String name, int node, long weight) {
        @Override
        public String toString() {
            return name;
        }
    }
}
