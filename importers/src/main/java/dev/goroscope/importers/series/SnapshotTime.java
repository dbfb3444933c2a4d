package dev.goroscope.importers.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a snapshot file was taken: from a Unix time in its name ({@code goroutines-1732850400.log},
 * {@code goroutine-1732850400123.pb.gz}: the last run of 10, 13, 16 or 19 digits is seconds, milliseconds,
 * microseconds or nanoseconds), else from the file's modification time.
 */
public final class SnapshotTime {
    private SnapshotTime() {
    }

    /** Unix milliseconds named by {@code fileName}, or -1 when it names none. */
    public static long fromName(String fileName) {
        int end = fileName.length();
        while (end > 0) {
            while (end > 0 && !Character.isDigit(fileName.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isDigit(fileName.charAt(start - 1))) {
                start--;
            }
            int len = end - start;
            if (len == 10 || len == 13 || len == 16 || len == 19) {
                long v = Long.parseLong(fileName.substring(start, end));
                return switch (len) {
                    case 10 -> v * 1000;
                    case 13 -> v;
                    case 16 -> v / 1000;
                    default -> v / 1_000_000;
                };
            }
            end = start;
        }
        return -1;
    }

    /** The time of {@code file}: its name's, else its modification time. */
    public static long of(Path file) throws IOException {
        long t = fromName(file.getFileName().toString());
        return t >= 0 ? t : Files.getLastModifiedTime(file).toMillis();
    }
}
