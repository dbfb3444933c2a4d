package dev.goroscope.app.timeline;

import java.util.Locale;

/**
 * Which goroutine lanes to show.
 *
 * @param text         matches the start function (substring, any case) or, as digits or "G123", the goroutine id
 * @param kind         a {@link dev.goroscope.model.timeline.SpanKind} the goroutine must have spent time in, or -1
 * @param minBlockedNs the least total waiting time
 * @param unfinished   only goroutines still alive at the end of the trace (leak hunting)
 */
public record LaneFilter(String text, int kind, long minBlockedNs, boolean unfinished) {
    public static final LaneFilter NONE = new LaneFilter("", -1, 0, false);

    public boolean isNone() {
        return text.isBlank() && kind < 0 && minBlockedNs <= 0 && !unfinished;
    }

    /** The goroutine id the text names ("123" or "G123"), or -1. */
    long goroutineId() {
        String t = text.strip();
        if (t.startsWith("G") || t.startsWith("g")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 18) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(t);
    }

    String needle() {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
