package dev.goroscope.app.export;

/** Writing text from the data into XML: escaping and replacing characters XML cannot hold. */
final class Xml {
    private static final char REPLACEMENT = '\uFFFD';

    private Xml() {
    }

    /**
     * Appends {@code s} escaped for element content and attribute values alike: {@code & < > " '} become
     * entities; control characters, unpaired surrogates and U+FFFE/U+FFFF become U+FFFD.
     */
    static void escape(StringBuilder sb, CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append(REPLACEMENT);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** Appends {@code text} as CDATA sections; a {@code ]]>} inside it is split across two sections. */
    static void cdata(StringBuilder sb, String text) {
        sb.append("<![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
    }
}
