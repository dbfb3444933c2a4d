package dev.goroscope.app;

import dev.goroscope.app.tasks.BackgroundTaskRunner;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.app.workspace.RecentFiles;
import dev.goroscope.importers.Importers;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the files named on the command line opened. */
public final class GoroscopeApp extends Application {
    public static void launchWith(String[] files) {
        Application.launch(GoroscopeApp.class, files);
    }

    @Override
    public void start(Stage stage) {
        RecentFiles recent = RecentFiles.inPreferences(Preferences.userRoot().node("dev/goroscope"));
        MainWindow window = MainWindow.create(new BackgroundTaskRunner(), Importers.all(), recent);
        window.showOn(stage, 1280, 820);
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (!files.isEmpty()) {
            window.openTogether(files);
        }
    }
}
