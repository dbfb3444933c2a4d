package dev.goroscope.importers;

/**
 * A file could not be read. The message always names the file and where in it the problem is (a line, or a byte
 * offset), so one line tells the user what to look at: {@code dump.txt: line 12: expected a goroutine header}.
 */
public final class ImportException extends Exception {
    private final String file;
    private final String where;
    private final String problem;

    public ImportException(String file, String where, String problem) {
        this(file, where, problem, null);
    }

    public ImportException(String file, String where, String problem, Throwable cause) {
        super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + problem, cause);
        this.file = file;
        this.where = where;
        this.problem = problem;
    }

    public static ImportException atLine(String file, long line, String problem) {
        return new ImportException(file, "line " + line, problem);
    }

    public static ImportException atByte(String file, long offset, String problem) {
        return new ImportException(file, "byte " + offset, problem);
    }

    public String file() {
        return file;
    }

    /** "line N", "byte N" or empty. */
    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }
}
