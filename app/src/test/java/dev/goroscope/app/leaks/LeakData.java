package dev.goroscope.app.leaks;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real Go 1.26 captures the leak workbench tests read (see leaks/NOTICE.md). */
final class LeakData {
    private LeakData() {
    }

    static Path path(String name) {
        try {
            return Path.of(LeakData.class.getResource("/leaks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
