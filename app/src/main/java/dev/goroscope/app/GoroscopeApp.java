package dev.goroscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the files named on the command line opened. */
public final class GoroscopeApp extends Application {
    public static void launchWith(String[] files) {
        Application.launch(GoroscopeApp.class, files);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Goroscope");
        stage.setScene(new Scene(new BorderPane(), 1200, 800));
        stage.show();
    }
}
