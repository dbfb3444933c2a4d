package dev.goroscope.app;

import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.tasks.BackgroundTaskRunner;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.app.workspace.RecentFiles;
import dev.goroscope.importers.Importers;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window as the user left it, with the files named on the command line opened. */
public final class GoroscopeApp extends Application {
    public static void launchWith(String[] files) {
        Application.launch(GoroscopeApp.class, files);
    }

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.user();
        RecentFiles recent = RecentFiles.inPreferences(settings.node());
        MainWindow window = MainWindow.create(new BackgroundTaskRunner(), Importers.all(), recent, settings);
        window.showRestored(stage);
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (!files.isEmpty()) {
            window.openTogether(files);
        }
    }
}
