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
        return resource("/dumps/go1.19-mixed-small-debug2.txt");
    }

    /** The same program's goroutines as a debug=1 count profile. */
    public static Path profilePath() {
        return resource("/dumps/go1.19-mixed-small-debug1.txt");
    }

    /** A speedscope file with two sampled profiles (see speedscope/NOTICE.md). */
    public static Path twoProfilesPath() {
        return resource("/speedscope/two-sampled.speedscope.json");
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource(name).toURI());
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
