package dev.goroscope.importers.dump;

/**
 * Reads a goroutine header line:
 * {@code goroutine ID [gp=0x… m=N mp=0x… | gp=0x… m=nil] [STATUS[ (scan)][, N minutes][, locked to thread]
 * [, synctest group G | , synctest bubble G, (not )durably blocked]]:}. Leading blanks are tolerated (pasted
 * text). One instance is reused; {@link #parse} fills its fields.
 */
final class HeaderLine {
    private static final String GOROUTINE = "goroutine ";
    private static final String SCAN = " (scan)";

    long id;
    int statusFrom;
    int statusTo;
    int minutes;
    boolean scan;
    boolean locked;
    long bubble;
    boolean durablyBlocked;

    /** Whether the line {@code b[from, to)} (without its newline) is a goroutine header. */
    static boolean isHeader(byte[] b, int from, int to) {
        int p = Bytes.skipBlanks(b, from, to);
        if (!Bytes.startsWith(b, p, to, GOROUTINE)) {
            return false;
        }
        int digits = p + GOROUTINE.length();
        int afterId = Bytes.digitsEnd(b, digits, to);
        if (afterId == digits || afterId + 1 >= to || b[afterId] != ' ') {
            return false;
        }
        int e = Bytes.trimEnd(b, afterId, to);
        return (b[afterId + 1] == '[' || b[afterId + 1] == 'g') && e - afterId >= 4 && b[e - 1] == ':' && b[e - 2] == ']'
                && Bytes.indexOf(b, afterId, e, (byte) '[') >= 0;
    }

    /** Parses a line for which {@link #isHeader} holds. */
    void parse(byte[] b, int from, int to) {
        int p = Bytes.skipBlanks(b, from, to) + GOROUTINE.length();
        int afterId = Bytes.digitsEnd(b, p, to);
        id = Bytes.parseLong(b, p, afterId);
        int open = Bytes.indexOf(b, afterId, to, (byte) '[');
        int close = Bytes.trimEnd(b, open, to) - 2;
        minutes = 0;
        scan = false;
        locked = false;
        bubble = -1;
        durablyBlocked = false;
        int partFrom = open + 1;
        int partTo = commaOrEnd(b, partFrom, close);
        statusFrom = partFrom;
        statusTo = partTo;
        if (Bytes.endsWith(b, statusFrom, statusTo, SCAN)) {
            scan = true;
            statusTo -= SCAN.length();
        }
        while (partTo < close) {
            partFrom = partTo + 2;
            partTo = commaOrEnd(b, partFrom, close);
            attribute(b, partFrom, partTo);
        }
    }

    private void attribute(byte[] b, int from, int to) {
        if (Bytes.startsWith(b, from, to, "locked to thread")) {
            locked = true;
        } else if (Bytes.startsWith(b, from, to, "synctest group ")) {
            bubble = number(b, from + "synctest group ".length(), to);
        } else if (Bytes.startsWith(b, from, to, "synctest bubble ")) {
            bubble = number(b, from + "synctest bubble ".length(), to);
        } else if (Bytes.startsWith(b, from, to, "durably blocked")) {
            durablyBlocked = true;
        } else if (from < to && Bytes.isDigit(b[from])) {
            int e = Bytes.digitsEnd(b, from, to);
            if (Bytes.startsWith(b, e, to, " minute")) {
                minutes = Bytes.parseInt(b, from, e);
            }
        }
    }

    private static long number(byte[] b, int from, int to) {
        int e = Bytes.digitsEnd(b, from, to);
        return e == from ? -1 : Bytes.parseLong(b, from, e);
    }

    private static int commaOrEnd(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == ',' && b[i + 1] == ' ') {
                return i;
            }
        }
        return to;
    }
}
