package dev.goroscope.app.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the file on this machine for a path a Go program recorded. Tried in order: the path itself when it is
 * absolute and exists; the user's prefix mappings; the user's project roots (by trailing segments); the Go root
 * for the standard library ({@code runtime/proc.go}, {@code $GOROOT/src/…}, {@code …/go/src/…}); the module cache
 * for module paths ({@code example.com/m@v1.2.3/f.go}, {@code …/pkg/mod/…}). Pure; reads only file existence.
 */
public final class SourceLocator {
    private final List<PathMapping> mappings;
    private final Path goRoot;
    private final Path moduleCache;

    /** {@code goRoot} and {@code moduleCache} may be null when unknown. */
    public SourceLocator(List<PathMapping> mappings, Path goRoot, Path moduleCache) {
        this.mappings = List.copyOf(mappings);
        this.goRoot = goRoot;
        this.moduleCache = moduleCache;
    }

    /** The existing file for {@code recorded}, empty when none of the rules finds one. */
    public Optional<Path> locate(String recorded) {
        if (recorded == null || recorded.isEmpty()) {
            return Optional.empty();
        }
        for (Path p : candidates(recorded.replace('\\', '/'))) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every path {@link #locate} tries for {@code recorded}, in order. */
    List<Path> candidates(String recorded) {
        List<Path> out = new ArrayList<>();
        if (recorded.startsWith("/") || recorded.matches("^[A-Za-z]:/.*")) {
            add(out, null, recorded);
        }
        for (PathMapping m : mappings) {
            if (!m.isRoot() && recorded.startsWith(m.prefix())) {
                add(out, m.directory(), stripSlash(recorded.substring(m.prefix().length())));
            }
        }
        List<String> suffixes = suffixes(recorded);
        for (PathMapping m : mappings) {
            if (m.isRoot()) {
                suffixes.forEach(s -> add(out, m.directory(), s));
            }
        }
        if (goRoot != null) {
            String std = standardLibraryPath(recorded);
            if (std != null) {
                add(out, goRoot.toString(), "src/" + std);
            }
        }
        if (moduleCache != null) {
            String module = moduleCachePath(recorded);
            if (module != null) {
                add(out, moduleCache.toString(), escapeModulePath(module));
            }
        }
        return out;
    }

    /** {@code runtime/proc.go} for the recorded forms of a standard library file, null when it is not one. */
    static String standardLibraryPath(String recorded) {
        if (recorded.startsWith("$GOROOT/src/")) {
            return recorded.substring("$GOROOT/src/".length());
        }
        int src = recorded.lastIndexOf("/go/src/");
        if (src >= 0 && recorded.startsWith("/")) {
            return recorded.substring(src + "/go/src/".length());
        }
        if (recorded.startsWith("/")) {
            return null;
        }
        int slash = recorded.indexOf('/');
        String first = slash < 0 ? recorded : recorded.substring(0, slash);
        return first.contains(".") || first.contains("@") ? null : recorded;
    }

    /** {@code example.com/m@v1.2.3/f.go} for a file of a module version, null otherwise. */
    static String moduleCachePath(String recorded) {
        int mod = recorded.indexOf("/pkg/mod/");
        if (mod >= 0) {
            return recorded.substring(mod + "/pkg/mod/".length());
        }
        int at = recorded.indexOf("@v");
        return at > 0 && !recorded.startsWith("/") ? recorded : null;
    }

    /** The module cache writes upper-case letters as {@code !} and the lower-case letter. */
    static String escapeModulePath(String path) {
        StringBuilder b = new StringBuilder(path.length() + 4);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append('!').append((char) (c + ('a' - 'A')));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The path and its trailing parts, longest first: {@code a/b/c.go}, {@code b/c.go}, {@code c.go}. */
    private static List<String> suffixes(String recorded) {
        List<String> out = new ArrayList<>();
        String s = stripSlash(recorded);
        while (!s.isEmpty()) {
            out.add(s);
            int slash = s.indexOf('/');
            s = slash < 0 ? "" : s.substring(slash + 1);
        }
        return out;
    }

    private static String stripSlash(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return s.substring(i);
    }

    private static void add(List<Path> out, String directory, String relative) {
        try {
            out.add(directory == null ? Path.of(relative) : Path.of(directory).resolve(relative));
        } catch (InvalidPathException e) {
            // a recorded path this file system cannot name is simply not a candidate
        }
    }
}
