package dev.goroscope.importers.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Streaming JSON for the importers: one factory, problems located by line and column, and exact decimal numbers
 * (trace timestamps in fractional microseconds) turned into scaled longs without going through double.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** A parser refusing strings and names longer than {@link ImportLimits#maxLineBytes()}. */
    public static JsonParser parser(InputStream in, ImportLimits limits) throws IOException {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.maxLineBytes()).maxNameLength(limits.maxLineBytes()).build();
        return JsonFactory.builder().streamReadConstraints(constraints).build().createParser(in);
    }

    /** A parser over the first bytes of a file, for sniffing; it fails at the end of {@code head}. */
    public static JsonParser parser(byte[] head, int length) throws IOException {
        return FACTORY.createParser(head, 0, length);
    }

    /** "line L, column C" of a parser location. */
    public static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** A problem with the token the parser is on. */
    public static ImportException error(String file, JsonParser p, String problem) {
        return new ImportException(file, where(p.currentTokenLocation()), problem);
    }

    /**
     * The exception to report for an {@link IOException} met while parsing: Jackson's own errors carry their
     * location; other read errors (a corrupt gzip stream) are placed where the parser had got to.
     */
    public static ImportException error(String file, JsonParser p, IOException e) {
        return error(file, p, e, ImportLimits.DEFAULT);
    }

    /** {@link #error(String, JsonParser, IOException)} for a parser made with {@code limits}. */
    public static ImportException error(String file, JsonParser p, IOException e, ImportLimits limits) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof StreamConstraintsException c
                && (message.contains("getMaxStringLength") || message.contains("getMaxNameLength"))) {
            JsonLocation at = c.getLocation() != null ? c.getLocation() : p == null ? null : p.currentLocation();
            return limits.stringTooLong(file, at == null ? "" : where(at));
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return new ImportException(file, where(j.getLocation()), "not valid JSON: " + j.getOriginalMessage(), e);
        }
        return ReadErrors.cannotRead(file, p == null ? "" : where(p.currentLocation()), e);
    }

    /** The next token, or an {@link ImportException} if the document ends here. */
    public static JsonToken next(String file, JsonParser p) throws IOException, ImportException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw error(file, p, "the JSON ends too early");
        }
        return t;
    }

    /**
     * The number token the parser is on times {@code 10^shift}, rounded half up: {@code 3.584} with shift 3 is
     * 3584. Exact for any decimal text, unlike going through double.
     *
     * A string token holding such a number is read the same way.
     *
     * @throws ArithmeticException   if the result does not fit in a long
     * @throws NumberFormatException if a string token holds no number
     */
    public static long scaled(JsonParser p, int shift) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Math.multiplyExact(p.getLongValue(), pow10(shift));
        }
        char[] c = p.getTextCharacters();
        int from = p.getTextOffset();
        int to = from + p.getTextLength();
        long fast = scaledPlainDecimal(c, from, to, shift);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        return new BigDecimal(c, from, to - from).movePointRight(shift).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code [-]digits[.digits]} times 10^shift, or Long.MIN_VALUE when the text is anything else or too long. */
    private static long scaledPlainDecimal(char[] c, int from, int to, int shift) {
        int i = from;
        boolean negative = i < to && c[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        int digits = 0;
        int fraction = -1;
        int roundDigit = 0;
        for (; i < to; i++) {
            char ch = c[i];
            if (ch == '.' && fraction < 0) {
                fraction = 0;
            } else if (ch >= '0' && ch <= '9') {
                if (fraction >= shift) {
                    if (fraction == shift) {
                        roundDigit = ch - '0';
                    }
                    fraction++;
                    continue;
                }
                v = v * 10 + (ch - '0');
                if (++digits > 17) {
                    return Long.MIN_VALUE;
                }
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return Long.MIN_VALUE;
            }
        }
        for (int k = Math.max(fraction, 0); k < shift; k++) {
            v *= 10;
            if (++digits > 17) {
                return Long.MIN_VALUE;
            }
        }
        if (roundDigit >= 5) {
            v++;
        }
        return negative ? -v : v;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
