package dev.goroscope.app.timeline;

/**
 * Where {@link TimelineRenderer} draws: the JavaFX canvas or an SVG file, so both show the same thing. Colours are
 * {@code 0xAARRGGBB}. Text is drawn with its baseline at {@code y}, in one small font.
 */
public interface Painter {
    void fillRect(int argb, double x, double y, double w, double h);

    void strokeRect(int argb, double x, double y, double w, double h, double lineWidth);

    /** A horizontal or vertical line 1 px wide. */
    void line(int argb, double x1, double y1, double x2, double y2);

    void text(int argb, String s, double x, double y, boolean bold);

    /** Limits drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** Ends the frame: flushes anything batched. */
    void flush();

    /** The approximate width of a character of the font, for cutting labels without measuring. */
    static double charWidth() {
        return 6.6;
    }

    /** {@code s} cut to fit {@code width} px with an ellipsis, or null when not even two characters fit. */
    static String fit(String s, double width) {
        int chars = (int) (width / charWidth());
        if (chars >= s.length()) {
            return s;
        }
        return chars < 3 ? null : s.substring(0, chars - 1) + "…";
    }
}
