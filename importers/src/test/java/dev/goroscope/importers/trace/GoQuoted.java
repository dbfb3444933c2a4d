package dev.goroscope.importers.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's double-quoted string literals (as in txtar {@code data="..."} lines and fuzz seeds) to bytes. */
final class GoQuoted {
    private GoQuoted() {
    }

    /** The bytes of the literal starting at {@code s[start]} (a '"'); stops at the closing quote. */
    static byte[] unquote(String s, int start) {
        if (s.charAt(start) != '"') {
            throw new IllegalArgumentException("not a quoted string: " + s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = start + 1;
        while (true) {
            char c = s.charAt(i);
            if (c == '"') {
                return out.toByteArray();
            }
            if (c != '\\') {
                int cp = s.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    byte[] utf8 = new String(Character.toChars(Integer.parseInt(s.substring(i, i + n), 16)))
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(utf8, 0, utf8.length);
                    i += n;
                }
                default -> {
                    out.write(Integer.parseInt(s.substring(i - 1, i + 2), 8));
                    i += 2;
                }
            }
        }
    }
}
