package dev.goroscope.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The files opened last, most recent first, at most {@value #LIMIT}; saved after every change. */
public final class RecentFiles {
    static final int LIMIT = 10;
    private static final String KEY = "recent.";

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final Consumer<List<Path>> save;

    public RecentFiles(List<Path> initial, Consumer<List<Path>> save) {
        this.save = save;
        files.setAll(initial.subList(0, Math.min(LIMIT, initial.size())));
    }

    /** Recent files kept in a preferences node as keys {@code recent.0 … recent.9}. */
    public static RecentFiles inPreferences(Preferences node) {
        List<Path> initial = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String p = node.get(KEY + i, null);
            if (p != null) {
                initial.add(Path.of(p));
            }
        }
        return new RecentFiles(initial, list -> {
            for (int i = 0; i < LIMIT; i++) {
                if (i < list.size()) {
                    node.put(KEY + i, list.get(i).toString());
                } else {
                    node.remove(KEY + i);
                }
            }
        });
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Moves {@code file} to the front. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        files.setAll(next.subList(0, Math.min(LIMIT, next.size())));
        save.accept(List.copyOf(files));
    }
}
