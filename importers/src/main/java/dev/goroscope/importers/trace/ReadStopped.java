package dev.goroscope.importers.trace;

import java.io.IOException;

/**
 * Ends a trace read that must not go on and must not be kept in part either: the user cancelled it, or the file
 * is over one of the import's limits. Unlike a {@link TraceFormatException} it is never turned into a warning;
 * the importer reports it as it is.
 */
public final class ReadStopped extends IOException {
    private final String where;
    private final String problem;

    private ReadStopped(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
    }

    /** The load was cancelled at {@code where} ("byte N", or a phase after reading). */
    public static ReadStopped cancelled(String where) {
        return new ReadStopped(where, "cancelled");
    }

    /** The file is over a limit at byte {@code offset}. */
    public static ReadStopped overLimit(long offset, String problem) {
        return new ReadStopped("byte " + offset, problem);
    }

    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }
}
