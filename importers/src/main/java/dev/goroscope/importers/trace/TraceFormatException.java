package dev.goroscope.importers.trace;

/**
 * The trace breaks a rule of its format at byte {@code offset} (of the decompressed file). Readers throw it; the
 * importer turns it into a warning when events before it could be kept, or an {@code ImportException}.
 */
public final class TraceFormatException extends Exception {
    private final long offset;

    public TraceFormatException(long offset, String problem) {
        super(problem);
        this.offset = offset;
    }

    /** Where in the file the problem was found; -1 when it concerns the trace as a whole. */
    public long offset() {
        return offset;
    }
}
