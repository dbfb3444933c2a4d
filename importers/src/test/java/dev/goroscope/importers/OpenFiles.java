package dev.goroscope.importers;

import dev.goroscope.model.Dataset;
import java.nio.file.Path;

/**
 * Opens each file named on the command line with {@link Importers#open(Path)} and prints one line per file:
 * what it holds, or the import error. Run in a JVM of its own by {@link OutOfMemoryTest}, with a small heap.
 */
public final class OpenFiles {
    private OpenFiles() {
    }

    public static void main(String[] args) {
        Importers importers = Importers.all();
        for (String arg : args) {
            try {
                Dataset d = importers.open(Path.of(arg));
                System.out.println("opened " + arg + ": " + d.format());
            } catch (ImportException e) {
                System.out.println("error: " + e.getMessage());
            }
        }
    }
}
