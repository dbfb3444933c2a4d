package dev.goroscope.importers.pprof;

import java.nio.charset.StandardCharsets;

/**
 * Recognises the pre-protobuf profile formats that {@code go tool pprof} still reads (FORMATS.md §2.4), so that
 * opening one says plainly that it is not supported and how to convert it, rather than "not a profile".
 */
final class LegacyProfiles {
    private static final String[] TEXT_HEADERS = {"heap profile:", "--- contention", "--- mutex:", "--- heapz",
        "--- threadz", "--- contentionz", "--- growthz"};

    private LegacyProfiles() {
    }

    /** What legacy format {@code head} starts, or null when none. */
    static String describe(byte[] head, int length) {
        if (isBinaryCpu(head, length)) {
            return "a legacy binary CPU profile (written by Go before 1.9 or by gperftools)";
        }
        String start = new String(head, 0, Math.min(length, 32), StandardCharsets.ISO_8859_1);
        for (String h : TEXT_HEADERS) {
            if (start.startsWith(h)) {
                return "a legacy text profile (\"" + h + "\", e.g. /debug/pprof/heap?debug=1)";
            }
        }
        return null;
    }

    /** Header words 0, 3, 0 (or 0, 3, 1 for Java), as 32- or 64-bit words of either byte order. */
    private static boolean isBinaryCpu(byte[] head, int length) {
        for (int width : new int[] {4, 8}) {
            if (length < 3 * width) {
                continue;
            }
            for (boolean little : new boolean[] {true, false}) {
                long w0 = word(head, 0, width, little);
                long w1 = word(head, width, width, little);
                long w2 = word(head, 2 * width, width, little);
                if (w0 == 0 && w1 == 3 && (w2 == 0 || w2 == 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long word(byte[] b, int at, int width, boolean little) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int shift = little ? 8 * i : 8 * (width - 1 - i);
            v |= (long) (b[at + i] & 0xff) << shift;
        }
        return v;
    }
}
