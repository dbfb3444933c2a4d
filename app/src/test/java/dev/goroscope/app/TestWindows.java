package dev.goroscope.app;

import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.app.workspace.RecentFiles;
import dev.goroscope.importers.Importers;
import java.util.List;
import javafx.stage.Stage;

/**
 * The main window as UI tests open it: work done inline, every importer, no recent files, and preferences kept in
 * memory so no test reads or writes the developer's own.
 */
public final class TestWindows {
    private TestWindows() {
    }

    /** The window shown on {@code stage} at {@code width} × {@code height}, with fresh preferences. */
    public static MainWindow shown(Stage stage, double width, double height) {
        return shown(stage, width, height, new Settings(new MemoryPreferences()));
    }

    /** The window shown on {@code stage}, reading and writing {@code settings}. */
    public static MainWindow shown(Stage stage, double width, double height, Settings settings) {
        MainWindow window = MainWindow.create(new InlineTaskRunner(), Importers.all(),
                new RecentFiles(List.of(), l -> { }), settings);
        window.showOn(stage, width, height);
        return window;
    }
}
