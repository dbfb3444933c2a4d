package dev.goroscope.app.workspace;

import dev.goroscope.app.settings.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window's size, position and maximized state kept in {@link Settings} between runs. A saved position
 * that no screen shows any more (a monitor unplugged) is dropped, and the window is centred instead.
 */
final class WindowPlacement {
    /** How much of the title bar must be on a screen for a saved position to be kept. */
    private static final double VISIBLE = 40;

    private WindowPlacement() {
    }

    /** Sizes and places {@code stage} as it was when it last closed; call before it is shown. */
    static void restore(Stage stage, Settings settings) {
        Rectangle2D screens = Screen.getPrimary().getVisualBounds();
        double w = Math.min(settings.windowWidth(), screens.getWidth());
        double h = Math.min(settings.windowHeight(), screens.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        double x = settings.windowX();
        double y = settings.windowY();
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, Math.min(w, VISIBLE), VISIBLE).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.windowMaximized());
    }

    /** Saves {@code stage}'s placement when it closes; a maximized window keeps its last normal size. */
    static void rememberOnClose(Stage stage, Settings settings) {
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            settings.setWindowMaximized(stage.isMaximized());
            if (!stage.isMaximized() && !stage.isIconified()) {
                settings.setWindowSize(stage.getWidth(), stage.getHeight());
                settings.setWindowPosition(stage.getX(), stage.getY());
            }
        });
    }
}
