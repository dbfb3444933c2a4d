package dev.goroscope.app.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes what {@link TimelineRenderer} draws as SVG: one {@code <rect>} per rectangle with one-decimal
 * coordinates, {@code <line>}, {@code <text>} with escaped content, clip paths for the lanes and the gutter. The
 * text goes through a buffer flushed every ~16 KB. No JavaFX.
 */
public final class SvgPainter implements Painter {
    private static final int FLUSH_AT = 16_384;

    private final Writer out;
    private final StringBuilder buf = new StringBuilder(FLUSH_AT + 512);
    private int clipId;
    private boolean clipped;

    public SvgPainter(Writer out, double width, double height) {
        this.out = out;
        buf.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"sans-serif\" font-size=\"11\" shape-rendering=\"crispEdges\">\n");
    }

    @Override
    public void fillRect(int argb, double x, double y, double w, double h) {
        buf.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append('"');
        paint("fill", argb);
        buf.append("/>\n");
        maybeFlush();
    }

    @Override
    public void strokeRect(int argb, double x, double y, double w, double h, double lineWidth) {
        buf.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"none\" stroke-width=\"")
                .append(num(lineWidth)).append('"');
        paint("stroke", argb);
        buf.append("/>\n");
    }

    @Override
    public void line(int argb, double x1, double y1, double x2, double y2) {
        buf.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append('"');
        paint("stroke", argb);
        buf.append("/>\n");
        maybeFlush();
    }

    @Override
    public void text(int argb, String s, double x, double y, boolean bold) {
        buf.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (bold) {
            buf.append(" font-weight=\"bold\"");
        }
        paint("fill", argb);
        buf.append('>');
        escape(s);
        buf.append("</text>\n");
        maybeFlush();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        clipId++;
        buf.append("<clipPath id=\"c").append(clipId).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\"/></clipPath>\n<g clip-path=\"url(#c").append(clipId).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            buf.append("</g>\n");
            clipped = false;
        }
    }

    @Override
    public void flush() {
        maybeFlush();
    }

    /** Closes the document and writes what is left. */
    public void finish() {
        unclip();
        buf.append("</svg>\n");
        write();
    }

    private void paint(String attr, int argb) {
        buf.append(' ').append(attr).append("=\"#");
        String hex = Integer.toHexString(argb & 0xFFFFFF);
        buf.append("000000", 0, 6 - hex.length()).append(hex).append('"');
        int alpha = argb >>> 24;
        if (alpha != 0xFF) {
            buf.append(' ').append(attr).append("-opacity=\"").append(num(alpha / 255.0)).append('"');
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> buf.append("&lt;");
                case '>' -> buf.append("&gt;");
                case '&' -> buf.append("&amp;");
                case '"' -> buf.append("&quot;");
                default -> buf.append(c);
            }
        }
    }

    /** One decimal, no exponent, no trailing ".0". */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long frac = Math.abs(tenths % 10);
        String sign = tenths < 0 && whole == 0 ? "-" : "";
        return frac == 0 ? sign + whole : sign + whole + "." + frac;
    }

    private void maybeFlush() {
        if (buf.length() >= FLUSH_AT) {
            write();
        }
    }

    private void write() {
        try {
            out.write(buf.toString());
            buf.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
