package dev.goroscope.app.flame;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.flame.FramePalette;
import dev.goroscope.model.stack.StringTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Box colours for one flame graph: {@link FramePalette}'s colour per function name, computed once per name, and
 * one {@link Color} object per distinct 0xRRGGBB so the canvas can switch fills cheaply.
 */
final class FrameColors {
    private final Map<Integer, Color> colors = new HashMap<>();
    private StringTable names;
    private int[] rgbOfName = new int[0];

    /** The colour of {@code node}'s box as 0xRRGGBB. */
    int rgb(CallTree tree, int node) {
        if (node == CallTree.ROOT) {
            return FramePalette.rootColor();
        }
        StringTable table = tree.frames().strings();
        if (table != names) {
            names = table;
            rgbOfName = new int[0];
        }
        int fn = tree.function(node);
        if (fn >= rgbOfName.length) {
            int old = rgbOfName.length;
            rgbOfName = Arrays.copyOf(rgbOfName, Math.max(table.size(), fn + 1));
            Arrays.fill(rgbOfName, old, rgbOfName.length, -1);
        }
        if (rgbOfName[fn] < 0) {
            rgbOfName[fn] = FramePalette.colorOf(table.get(fn));
        }
        return rgbOfName[fn];
    }

    /** A shared Color for 0xRRGGBB. */
    Color color(int rgb) {
        return colors.computeIfAbsent(rgb, c -> Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
    }

    /** {@code rgb} moved {@code amount} (0..1) of the way towards {@code toward}. */
    static int blend(int rgb, int toward, double amount) {
        int r = mix((rgb >> 16) & 0xff, (toward >> 16) & 0xff, amount);
        int g = mix((rgb >> 8) & 0xff, (toward >> 8) & 0xff, amount);
        int b = mix(rgb & 0xff, toward & 0xff, amount);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
