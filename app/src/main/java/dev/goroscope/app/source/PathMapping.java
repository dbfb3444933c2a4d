package dev.goroscope.app.source;

/**
 * A user's rule for finding source files: a path recorded in a dump that starts with {@code prefix} is looked up
 * under {@code directory} with the prefix replaced. An empty prefix makes {@code directory} a project root, where
 * any recorded path is tried by its trailing segments ({@code example.com/app/pkg/f.go} → {@code pkg/f.go} …).
 */
public record PathMapping(String prefix, String directory) {
    public PathMapping {
        if (prefix == null || directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("a path mapping needs a directory");
        }
    }

    /** A project root: recorded paths are matched by their trailing segments. */
    public static PathMapping root(String directory) {
        return new PathMapping("", directory);
    }

    public boolean isRoot() {
        return prefix.isEmpty();
    }

    @Override
    public String toString() {
        return isRoot() ? "root " + directory : prefix + " → " + directory;
    }
}
