package dev.goroscope.app.export;

/**
 * How an SVG flame graph is drawn.
 *
 * @param width    the image width in pixels, frames included (at least 100)
 * @param minWidth frames narrower than this many pixels are left out with their callees (≥ 0)
 * @param title    the heading; null or empty for "Flame Graph"
 */
public record SvgOptions(double width, double minWidth, String title) {
    public SvgOptions {
        if (!(width >= 100) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be at least 100 pixels, not " + width);
        }
        if (!(minWidth >= 0) || Double.isInfinite(minWidth)) {
            throw new IllegalArgumentException("minimum frame width must be 0 or more pixels, not " + minWidth);
        }
    }

    /** The heading to show. */
    public String titleOrDefault() {
        return title == null || title.isBlank() ? "Flame Graph" : title;
    }
}
