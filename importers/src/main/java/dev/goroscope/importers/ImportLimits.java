package dev.goroscope.importers;

/**
 * The budget of one import, in one place: every importer reads its bounds from the {@link ImportSource#limits()}
 * it is given, and reports a breach with the message made here, so a hostile or broken file ends in one clear
 * line instead of an exhausted heap or a stack overflow further on. The defaults sit far above any real capture.
 *
 * @param inflate       how far gzip content may expand (the bound against gzip bombs)
 * @param maxLineBytes  the longest text line, and the longest JSON string, a file may have
 * @param maxStackDepth the most frames one stack may have
 * @param maxStrings    the most distinct strings (names in a text format, string-table entries in a binary one) a
 *                      file may have
 */
public record ImportLimits(InflateLimit inflate, int maxLineBytes, int maxStackDepth, int maxStrings) {
    /**
     * {@link InflateLimit#DEFAULT}, 4 MiB lines (a folded stack of 8192 frames of 500 bytes), 8192 frames (Go's tracebacks stop at 100, pprof at
     * 128 to 512 frames, async-profiler at 2048 by default), 4 Mi strings (real profiles hold thousands).
     */
    public static final ImportLimits DEFAULT = new ImportLimits(InflateLimit.DEFAULT, 4 << 20, 8192, 4 << 20);

    public ImportLimits {
        if (inflate == null) {
            throw new IllegalArgumentException("no inflate limit");
        }
        if (maxLineBytes <= 0 || maxStackDepth <= 0 || maxStrings <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ImportLimits withInflate(InflateLimit limit) {
        return new ImportLimits(limit, maxLineBytes, maxStackDepth, maxStrings);
    }

    public ImportLimits withMaxLineBytes(int bytes) {
        return new ImportLimits(inflate, bytes, maxStackDepth, maxStrings);
    }

    public ImportLimits withMaxStackDepth(int frames) {
        return new ImportLimits(inflate, maxLineBytes, frames, maxStrings);
    }

    public ImportLimits withMaxStrings(int strings) {
        return new ImportLimits(inflate, maxLineBytes, maxStackDepth, strings);
    }

    /** A line of {@code file} (line number {@code line}) is longer than {@link #maxLineBytes()}. */
    public ImportException lineTooLong(String file, long line) {
        return ImportException.atLine(file, line, "line longer than " + size(maxLineBytes)
                + ": not a text format Goroscope reads");
    }

    /** A JSON string at {@code where} is longer than {@link #maxLineBytes()}. */
    public ImportException stringTooLong(String file, String where) {
        return new ImportException(file, where, "a JSON string longer than " + size(maxLineBytes)
                + ", the most Goroscope reads");
    }

    /** A stack at {@code where} has more than {@link #maxStackDepth()} frames. */
    public ImportException stackTooDeep(String file, String where) {
        return new ImportException(file, where, "a stack deeper than " + maxStackDepth
                + " frames, the most Goroscope reads");
    }

    /** The warning for a stack, of {@code what}, cut after {@link #maxStackDepth()} frames. */
    public String stackCut(String what) {
        return what + " lists more than " + maxStackDepth + " frames; the rest are dropped";
    }

    /** The string at {@code where} is one more than the {@link #maxStrings()} a file may have. */
    public ImportException tooManyStrings(String file, String where) {
        return new ImportException(file, where, "more than " + maxStrings
                + " distinct strings (names, string-table entries), the most Goroscope reads");
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB"
                : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
