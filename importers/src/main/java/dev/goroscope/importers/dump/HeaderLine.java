package dev.goroscope.importers.dump;

/**
 * Reads a goroutine header line:
 * {@code goroutine ID [gp=0x… m=N mp=0x… | gp=0x… m=nil] [STATUS[ (leaked)][ (scan)][ (durable)][, N minutes]
 * [, locked to thread][, synctest group G | , synctest bubble G[, (not )durably blocked]][ labels:{…}]]:}
 * (the order Go 1.26's goroutineheader prints). Leading blanks are tolerated (pasted text). The
 * {@code (durable)} suffix (Go 1.25+, a goroutine durably blocked in a synctest bubble, also part of some
 * reason names such as {@code chan receive (durable)}) and {@code (leaked)} become flags, so the reason groups
 * with its plain form. Labels ({@code GODEBUG=tracebacklabels=1}) come last, without a comma, and may hold
 * {@code ", "} themselves, so they are cut off first. One instance is reused; {@link #parse} fills its fields.
 */
final class HeaderLine {
    private static final String GOROUTINE = "goroutine ";
    private static final String SCAN = " (scan)";
    private static final String DURABLE = " (durable)";
    private static final String LEAKED = " (leaked)";
    private static final String LABELS = " labels:{";

    long id;
    int statusFrom;
    int statusTo;
    int minutes;
    boolean scan;
    boolean locked;
    long bubble;
    boolean durablyBlocked;
    boolean leaked;
    /** The {@code {…}} of {@code labels:{…}}, or -1 when the header has no labels. */
    int labelsFrom;
    int labelsTo;

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
        leaked = false;
        labelsFrom = -1;
        labelsTo = -1;
        int labels = indexOf(b, open + 1, close, LABELS);
        if (labels >= 0) {
            labelsFrom = labels + LABELS.length() - 1;
            labelsTo = close;
            close = labels;
        }
        int partFrom = open + 1;
        int partTo = commaOrEnd(b, partFrom, close);
        statusFrom = partFrom;
        statusTo = partTo;
        if (Bytes.endsWith(b, statusFrom, statusTo, DURABLE)) {
            durablyBlocked = true;
            statusTo -= DURABLE.length();
        }
        if (Bytes.endsWith(b, statusFrom, statusTo, SCAN)) {
            scan = true;
            statusTo -= SCAN.length();
        }
        if (Bytes.endsWith(b, statusFrom, statusTo, LEAKED)) {
            leaked = true;
            statusTo -= LEAKED.length();
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

    private static int indexOf(byte[] b, int from, int to, String text) {
        for (int i = from; i + text.length() <= to; i++) {
            if (b[i] == text.charAt(0) && Bytes.startsWith(b, i, to, text)) {
                return i;
            }
        }
        return -1;
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
