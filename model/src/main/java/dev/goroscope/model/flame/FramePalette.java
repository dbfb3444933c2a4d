package dev.goroscope.model.flame;

import dev.goroscope.model.stack.GoFunctionName;

/**
 * Stable colours for flame graph boxes: every function of one package gets the same colour in every view and
 * every export, derived from a hash of the package path. The Go runtime is drawn in warm reds, the rest of the
 * standard library in oranges, the user's code in a spread of greens, blues and purples. Within a package each
 * function gets its own shade (saturation and brightness from a hash of its name), so neighbouring boxes of one
 * package stay apart. Colours are 0xRRGGBB.
 */
public final class FramePalette {
    private FramePalette() {
    }

    /** The colour of a box of {@code function}. */
    public static int colorOf(String function) {
        String pkg = GoFunctionName.packageOf(function);
        int h = mix(pkg.hashCode());
        float jitter = (h & 0xff) / 255f;
        float shade = (mix(function.hashCode()) & 0xff) / 255f;
        float saturation = 0.1f * shade;
        float darker = 0.1f * shade;
        if (pkg.equals("runtime") || pkg.startsWith("runtime/") || pkg.startsWith("internal/runtime")) {
            return hsb(4 + 12 * jitter, 0.5f + saturation, 0.95f - darker);
        }
        if (GoFunctionName.isStandardLibrary(function)) {
            return hsb(28 + 18 * jitter, 0.55f + saturation, 0.97f - darker);
        }
        return hsb(90 + 200 * jitter, 0.3f + saturation, 0.92f - darker);
    }

    /** Colour of the synthetic root box. */
    public static int rootColor() {
        return 0xB8B8C0;
    }

    /** Colour for a search match. */
    public static int matchColor() {
        return 0xE040E0;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        return h ^ (h >>> 16);
    }

    /** HSB (hue in degrees, saturation and brightness in 0..1) to 0xRRGGBB. */
    static int hsb(float hueDegrees, float s, float b) {
        float h = (hueDegrees % 360f) / 60f;
        int i = (int) Math.floor(h);
        float f = h - i;
        float p = b * (1 - s);
        float q = b * (1 - s * f);
        float t = b * (1 - s * (1 - f));
        float r;
        float g;
        float bl;
        switch (i) {
            case 0 -> { r = b; g = t; bl = p; }
            case 1 -> { r = q; g = b; bl = p; }
            case 2 -> { r = p; g = b; bl = t; }
            case 3 -> { r = p; g = q; bl = b; }
            case 4 -> { r = t; g = p; bl = b; }
            default -> { r = b; g = p; bl = q; }
        }
        return (Math.round(r * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(bl * 255);
    }
}
