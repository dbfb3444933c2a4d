package dev.goroscope.app.keys;

import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.workspace.DocumentTab;
import dev.goroscope.app.workspace.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.SingleSelectionModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard shortcuts of the main window. Menu items carry their own accelerators (open, close tab, export,
 * undo, redo, search, reset zoom, theme, preferences); this class adds the others on the scene and lists all of them in the overlay
 * that {@code ?} opens. Keys without a modifier are ignored while a text field has the focus.
 */
public final class Shortcuts {
    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

    /** Shortcuts the menus define, listed here only for the overlay. */
    static final List<Shortcut> MENU = List.of(
            new Shortcut(new KeyCodeCombination(KeyCode.O, SHORTCUT), "Open a file"),
            new Shortcut(new KeyCodeCombination(KeyCode.W, SHORTCUT), "Close the tab"),
            new Shortcut(new KeyCodeCombination(KeyCode.E, SHORTCUT), "Export the flame graph as SVG"),
            new Shortcut(new KeyCodeCombination(KeyCode.F, SHORTCUT), "Search functions"),
            new Shortcut(new KeyCodeCombination(KeyCode.Z, SHORTCUT), "Undo zoom or transform"),
            new Shortcut(new KeyCodeCombination(KeyCode.Z, SHORTCUT, SHIFT), "Redo"),
            new Shortcut(new KeyCodeCombination(KeyCode.DIGIT0, SHORTCUT), "Reset zoom"),
            new Shortcut(new KeyCodeCombination(KeyCode.D, SHORTCUT, SHIFT), "Dark / light theme"),
            new Shortcut(new KeyCodeCombination(KeyCode.COMMA, SHORTCUT), "Preferences"),
            new Shortcut(new KeyCodeCombination(KeyCode.Q, SHORTCUT), "Quit"));

    private final MainWindow window;
    private final List<Binding> bindings = new ArrayList<>();

    private Shortcuts(MainWindow window) {
        this.window = window;
        bind(new KeyCodeCombination(KeyCode.V, SHORTCUT), "Open the clipboard's text as a new tab", this::paste);
        bind(new KeyCodeCombination(KeyCode.P, SHORTCUT), "Quick open: go to a function", this::quickOpen);
        bind(new KeyCodeCombination(KeyCode.I, SHORTCUT), "Flame / icicle", () -> withModel(
                m -> m.setIcicle(!m.view().icicle())));
        bind(new KeyCodeCombination(KeyCode.HOME), "Reset zoom", () -> withModel(FlameGraphModel::resetZoom));
        bind(new KeyCodeCombination(KeyCode.ESCAPE), "Reset zoom", () -> withModel(FlameGraphModel::resetZoom));
        bind(new KeyCodeCombination(KeyCode.PAGE_DOWN, SHORTCUT), "Next tab", () -> moveTab(1));
        bind(new KeyCodeCombination(KeyCode.PAGE_UP, SHORTCUT), "Previous tab", () -> moveTab(-1));
        bind(new KeyCodeCombination(KeyCode.SLASH, SHIFT), "Show these shortcuts", this::showOverlay);
    }

    /** Adds the shortcuts to {@code window}'s scene. */
    public static Shortcuts install(MainWindow window, Scene scene) {
        Shortcuts s = new Shortcuts(window);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, s::onKey);
        return s;
    }

    /** Every shortcut, menus' first, in the order the overlay shows them. */
    public List<Shortcut> all() {
        List<Shortcut> out = new ArrayList<>(MENU);
        bindings.forEach(b -> out.add(b.shortcut));
        return out;
    }

    private void bind(KeyCombination keys, String action, Runnable run) {
        bindings.add(new Binding(new Shortcut(keys, action), run));
    }

    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        for (Binding b : bindings) {
            if (b.shortcut.keys().match(e)) {
                boolean editingKey = !e.isShortcutDown() && !e.isAltDown() || e.getCode() == KeyCode.V;
                if (typing && editingKey) {
                    return;
                }
                b.run.run();
                e.consume();
                return;
            }
        }
    }

    private void paste() {
        Clipboard c = Clipboard.getSystemClipboard();
        if (c.hasString() && !c.getString().isBlank()) {
            window.openPasted(c.getString());
        } else {
            window.showMessage("The clipboard holds no text to open");
        }
    }

    private void quickOpen() {
        Optional<FlameGraphModel> model = window.currentTab().flatMap(DocumentTab::model);
        if (model.isPresent()) {
            QuickOpen.show(window.tabs().getScene().getWindow(), model.get());
        } else {
            window.showMessage("Quick open needs a flame graph");
        }
    }

    private void showOverlay() {
        ShortcutOverlay.show(window.tabs().getScene().getWindow(), all());
    }

    private void withModel(Consumer<FlameGraphModel> action) {
        window.currentTab().flatMap(DocumentTab::model).ifPresent(action);
    }

    private void moveTab(int step) {
        SingleSelectionModel<Tab> sel = window.tabs().getSelectionModel();
        int n = window.tabs().getTabs().size();
        if (n > 0) {
            sel.select(Math.floorMod(sel.getSelectedIndex() + step, n));
        }
    }

    private record Binding(Shortcut shortcut, Runnable run) {
    }
}
