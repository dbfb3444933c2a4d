package dev.goroscope.model.calltree;

import dev.goroscope.model.stack.StringTable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which functions a transform or a search applies to: one exact name, or every name a regular expression finds
 * a match in (as pprof's {@code -focus} does).
 */
public record FunctionMatcher(String text, boolean regex) {
    public FunctionMatcher {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty function pattern");
        }
        if (regex) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression '" + text + "': " + e.getDescription(), e);
            }
        }
    }

    public static FunctionMatcher exactly(String name) {
        return new FunctionMatcher(name, false);
    }

    public static FunctionMatcher regex(String pattern) {
        return new FunctionMatcher(pattern, true);
    }

    /** For each id of {@code names}, whether that name matches. */
    public boolean[] matchTable(StringTable names) {
        boolean[] table = new boolean[names.size()];
        if (regex) {
            var m = Pattern.compile(text).matcher("");
            for (int i = 0; i < table.length; i++) {
                table[i] = m.reset(names.get(i)).find();
            }
        } else {
            int id = names.find(text);
            if (id >= 0) {
                table[id] = true;
            }
        }
        return table;
    }

    @Override
    public String toString() {
        return regex ? "/" + text + "/" : text;
    }
}
