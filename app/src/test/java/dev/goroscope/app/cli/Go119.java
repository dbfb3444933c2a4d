package dev.goroscope.app.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real Go 1.19 captures in the test resources (see go1.19/NOTICE.md). */
final class Go119 {
    private Go119() {
    }

    static Path file(String name) {
        try {
            return Path.of(Go119.class.getResource("/go1.19/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
