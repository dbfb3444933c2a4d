package dev.goroscope.importers.dump;

/**
 * Reads the second line of a frame: {@code FILE:LINE[ +0xOFF][ fp=0x… sp=0x… pc=0x…]}, or for a symbolized cgo
 * frame {@code FILE:LINE pc=0x…}. The file is a raw path that may hold spaces or a drive letter ({@code C:/…}),
 * so the line number is found from the right after dropping the suffix tokens. One instance is reused.
 */
final class FileLine {
    int fileFrom;
    int fileTo;
    int line;
    /** The line had a {@code pc=} token but no {@code +0x} offset: the form a cgo symbolizer prints. */
    boolean cgoForm;

    /** Parses {@code b[from, to)} (blanks before it already skipped); false when it is not a file line. */
    boolean parse(byte[] b, int from, int to) {
        int e = Bytes.trimEnd(b, from, to);
        boolean sawPc = false;
        boolean sawOffset = false;
        while (!endsWithLineNumber(b, from, e)) {
            int sp = Bytes.lastIndexOf(b, from, e, (byte) ' ');
            if (sp < 0) {
                return false;
            }
            int t = sp + 1;
            if (Bytes.startsWith(b, t, e, "+0x")) {
                sawOffset = true;
            } else if (Bytes.startsWith(b, t, e, "pc=")) {
                sawPc = true;
            } else if (!Bytes.startsWith(b, t, e, "fp=") && !Bytes.startsWith(b, t, e, "sp=")) {
                return false;
            }
            e = sp;
        }
        int colon = e - 1;
        while (b[colon] != ':') {
            colon--;
        }
        fileFrom = from;
        fileTo = colon;
        line = Bytes.parseInt(b, colon + 1, e);
        cgoForm = sawPc && !sawOffset;
        return true;
    }

    /** Whether {@code [from, to)} ends with ':' and at least one digit, with something before the ':'. */
    private static boolean endsWithLineNumber(byte[] b, int from, int to) {
        int i = to;
        while (i > from && Bytes.isDigit(b[i - 1])) {
            i--;
        }
        return i < to && i - 1 > from && b[i - 1] == ':';
    }
}
