package dev.goroscope.importers.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a crash prints before its goroutines: the paragraph that starts at a {@code panic: },
 * {@code fatal error: }, {@code runtime: }, {@code [signal …]} or {@code SIGxxx: } line (later lines of the
 * paragraph, such as {@code \tpanic: …} of a repanic or {@code PC=0x… m=0 sigcode=0}, belong to it). When log text
 * before the dump has several such paragraphs, the last one before the first goroutine wins. When the whole dump
 * was pasted with an indentation, the marker line's indentation is removed from every line of the paragraph.
 */
final class Preamble {
    private List<String> current;
    private List<String> last = List.of();
    private int indent;

    /** Feeds one line of text seen before the first goroutine header. */
    void line(byte[] b, int from, int to) {
        if (Bytes.skipBlanks(b, from, to) == to) {
            end();
        } else if (current != null) {
            int p = from;
            while (p < from + indent && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            current.add(Bytes.string(b, p, to));
        } else {
            int p = Bytes.skipBlanks(b, from, to);
            if (isMarker(b, p, to)) {
                indent = p - from;
                current = new ArrayList<>();
                current.add(Bytes.string(b, p, to));
            }
        }
    }

    /** Ends the paragraph being collected (a blank line, a {@code runtime stack:} section or the first header). */
    void end() {
        if (current != null) {
            last = List.copyOf(current);
            current = null;
        }
    }

    List<String> lines() {
        end();
        return last;
    }

    static boolean isMarker(byte[] b, int from, int to) {
        if (Bytes.startsWith(b, from, to, "panic: ") || Bytes.startsWith(b, from, to, "fatal error: ")
                || Bytes.startsWith(b, from, to, "runtime: ") || Bytes.startsWith(b, from, to, "[signal ")
                || Bytes.startsWith(b, from, to, "unexpected fault address")) {
            return true;
        }
        if (!Bytes.startsWith(b, from, to, "SIG")) {
            return false;
        }
        int i = from + 3;
        while (i < to && (b[i] >= 'A' && b[i] <= 'Z' || Bytes.isDigit(b[i]))) {
            i++;
        }
        return i > from + 3 && Bytes.startsWith(b, i, to, ": ");
    }
}
