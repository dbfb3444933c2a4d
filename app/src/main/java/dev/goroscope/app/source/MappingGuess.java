package dev.goroscope.app.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns "this recorded path lives in that folder" into a {@link PathMapping}. */
public final class MappingGuess {
    private MappingGuess() {
    }

    /**
     * The mapping that finds {@code recorded} under {@code folder}: the longest trailing part of the recorded path
     * that exists under the folder decides the prefix replaced ({@code example.com/app/} → the folder); when no
     * part exists the folder becomes a project root.
     */
    public static PathMapping forFolder(String recorded, Path folder) {
        String path = recorded.replace('\\', '/');
        int start = 0;
        while (start < path.length()) {
            String suffix = path.substring(start);
            if (!suffix.isEmpty() && !suffix.startsWith("/") && Files.isRegularFile(folder.resolve(suffix))) {
                return new PathMapping(path.substring(0, start), folder.toString());
            }
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return PathMapping.root(folder.toString());
    }
}
