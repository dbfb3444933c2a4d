package dev.goroscope.model.stack;

/** Parts of a Go symbol name such as {@code github.com/a/b.(*T).Method.func1}. */
public final class GoFunctionName {
    private GoFunctionName() {
    }

    /**
     * The package path: everything before the first '.' after the last '/', e.g. {@code github.com/a/b} for
     * {@code github.com/a/b.(*T).M}; {@code main} for {@code main.main}; the whole name when there is no '.'.
     */
    public static String packageOf(String function) {
        int slash = function.lastIndexOf('/');
        int bracket = function.indexOf('[');
        if (bracket >= 0 && bracket < slash) {
            slash = function.lastIndexOf('/', bracket);
        }
        int dot = function.indexOf('.', slash + 1);
        return dot < 0 ? function : function.substring(0, dot);
    }

    /** The name without its package path, e.g. {@code (*T).M} for {@code github.com/a/b.(*T).M}. */
    public static String shortName(String function) {
        String pkg = packageOf(function);
        if (pkg.length() >= function.length()) {
            return function;
        }
        int lastSlash = pkg.lastIndexOf('/');
        return pkg.substring(lastSlash + 1) + function.substring(pkg.length());
    }

    /** Whether the function belongs to the Go runtime or standard library (no dot in the first path element). */
    public static boolean isStandardLibrary(String function) {
        String pkg = packageOf(function);
        int slash = pkg.indexOf('/');
        String first = slash < 0 ? pkg : pkg.substring(0, slash);
        return !first.contains(".") && !first.equals("main");
    }

    /**
     * The name as a goroutine dump's traceback prints it: every type-argument list of a generic function shown as
     * {@code [...]}, so {@code main.wait[go.shape.int]} (a profile's name) and {@code main.wait[...]} (a dump's)
     * compare equal.
     */
    public static String asTraceback(String function) {
        int open = function.indexOf('[');
        if (open < 0) {
            return function;
        }
        StringBuilder sb = new StringBuilder(function.length());
        int depth = 0;
        for (int i = 0; i < function.length(); i++) {
            char c = function.charAt(i);
            if (c == '[') {
                if (depth++ == 0) {
                    sb.append("[...");
                }
            } else if (c == ']' && depth > 0) {
                if (--depth == 0) {
                    sb.append(']');
                }
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
