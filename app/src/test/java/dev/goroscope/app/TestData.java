package dev.goroscope.app;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real inputs app tests read. */
public final class TestData {
    private TestData() {
    }

    /** A Go 1.19 debug=2 dump of 59 goroutines (see dumps/NOTICE.md). */
    public static Path dumpPath() {
        try {
            return Path.of(TestData.class.getResource("/dumps/go1.19-mixed-small-debug2.txt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same program's goroutines as a debug=1 count profile. */
    public static Path profilePath() {
        try {
            return Path.of(TestData.class.getResource("/dumps/go1.19-mixed-small-debug1.txt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Dataset dump() {
        try {
            return Importers.all().open(dumpPath());
        } catch (ImportException e) {
            throw new IllegalStateException(e);
        }
    }
}
