package dev.goroscope.app.flame;

import dev.goroscope.model.stack.GoFunctionName;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fits function names into boxes by arithmetic instead of measuring each string: the width of a character is
 * estimated once per font from a typical Go symbol. The full name is used when it fits, then the name without its
 * package path ({@code http.(*conn).serve}), then without the package ({@code (*conn).serve}), then that cut with
 * "…" as long as a few characters remain.
 */
final class LabelFitter {
    private static final String SAMPLE = "github.com/acme/srv.(*Handler).ServeHTTP runtime.gopark sync.(*Mutex).Lock";
    private static final double SAFETY = 1.06;
    private static final int MIN_KEPT = 4;

    private final double charWidth;

    LabelFitter(Font font) {
        Text t = new Text(SAMPLE);
        t.setFont(font);
        charWidth = t.getLayoutBounds().getWidth() / SAMPLE.length() * SAFETY;
    }

    /** The label for {@code name} in {@code width} pixels, or null when too little of it fits. */
    String fit(String name, double width) {
        int chars = (int) (width / charWidth);
        if (name.length() <= chars) {
            return name;
        }
        String shortName = GoFunctionName.shortName(name);
        if (shortName.length() <= chars) {
            return shortName;
        }
        String pkg = GoFunctionName.packageOf(name);
        String bare = name.length() > pkg.length() + 1 ? name.substring(pkg.length() + 1) : shortName;
        if (bare.length() <= chars) {
            return bare;
        }
        return chars > MIN_KEPT ? bare.substring(0, chars - 1) + "…" : null;
    }
}
