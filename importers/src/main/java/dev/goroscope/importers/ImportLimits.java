package dev.goroscope.importers;

import java.time.Duration;

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
 * @param maxTime       how long one import may run before it is given up, as if the user had cancelled it
 */
public record ImportLimits(InflateLimit inflate, int maxLineBytes, int maxStackDepth, int maxStrings,
        Duration maxTime) {
    /**
     * {@link InflateLimit#DEFAULT}; 4 MiB lines (a folded stack of 8192 frames of 500 bytes); 8192 frames (Go's
     * tracebacks stop at 100, pprof at 128 to 512 frames, async-profiler at 2048 by default); 4 Mi strings (real
     * profiles hold thousands); 10 minutes (a gigabyte trace takes seconds on a laptop).
     */
    public static final ImportLimits DEFAULT = new ImportLimits(InflateLimit.DEFAULT, 4 << 20, 8192, 4 << 20,
            Duration.ofMinutes(10));

    public ImportLimits {
        if (inflate == null) {
            throw new IllegalArgumentException("no inflate limit");
        }
        if (maxLineBytes <= 0 || maxStackDepth <= 0 || maxStrings <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
    }

    public ImportLimits withInflate(InflateLimit limit) {
        return new ImportLimits(limit, maxLineBytes, maxStackDepth, maxStrings, maxTime);
    }

    public ImportLimits withMaxLineBytes(int bytes) {
        return new ImportLimits(inflate, bytes, maxStackDepth, maxStrings, maxTime);
    }

    public ImportLimits withMaxStackDepth(int frames) {
        return new ImportLimits(inflate, maxLineBytes, frames, maxStrings, maxTime);
    }

    public ImportLimits withMaxStrings(int strings) {
        return new ImportLimits(inflate, maxLineBytes, maxStackDepth, strings, maxTime);
    }

    public ImportLimits withMaxTime(Duration time) {
        return new ImportLimits(inflate, maxLineBytes, maxStackDepth, maxStrings, time);
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
        return new ImportException(file, where, tooManyStringsProblem(maxStrings));
    }

    /** What is wrong with a file that has more than {@code maxStrings} distinct strings. */
    public static String tooManyStringsProblem(int maxStrings) {
        return "more than " + maxStrings + " distinct strings (names, string-table entries), the most Goroscope reads";
    }

    /** The import of {@code file}, stopped at {@code where}, ran longer than {@link #maxTime()}. */
    public ImportException tookTooLong(String file, String where) {
        return new ImportException(file, where, "gave up after " + duration(maxTime)
                + ", the longest Goroscope spends on one file");
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? s / 60 + " minutes" : s >= 1 ? s + " s" : d.toMillis() + " ms";
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB"
                : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
