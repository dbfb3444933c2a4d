package dev.goroscope.app.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints on a canvas' {@link GraphicsContext}, batching rectangles by colour (one {@code setFill} per colour per
 * flush, STYLE.md §4.3) and joining a rectangle with the previous one of its colour when they touch on the same
 * row, so a run of same-state spans costs one command.
 */
final class FxPainter implements Painter {
    private final GraphicsContext gc;
    private final Font font = Font.font(Font.getDefault().getFamily(), 11);
    private final Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 11);
    private final Map<Integer, Color> colors = new HashMap<>();
    private int[] keys = new int[0];
    private double[][] batches = new double[0][];
    private int[] counts = new int[0];
    private int lastSlot = -1;
    private int clips;

    FxPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setFontSmoothingType(FontSmoothingType.GRAY);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.setFont(font);
    }

    private Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF,
                (c >>> 24) / 255.0));
    }

    private int slot(int argb) {
        if (lastSlot >= 0 && keys[lastSlot] == argb) {
            return lastSlot;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == argb) {
                lastSlot = i;
                return i;
            }
        }
        int n = keys.length;
        keys = Arrays.copyOf(keys, n + 1);
        counts = Arrays.copyOf(counts, n + 1);
        batches = Arrays.copyOf(batches, n + 1);
        keys[n] = argb;
        batches[n] = new double[256];
        lastSlot = n;
        return n;
    }

    @Override
    public void fillRect(int argb, double x, double y, double w, double h) {
        int s = slot(argb);
        double[] b = batches[s];
        int n = counts[s];
        if (n > 0) {
            int last = (n - 1) * 4;
            if (b[last + 1] == y && b[last + 3] == h && b[last] + b[last + 2] >= x - 0.01 && b[last] <= x) {
                b[last + 2] = Math.max(b[last + 2], x + w - b[last]);
                return;
            }
        }
        if ((n + 1) * 4 > b.length) {
            b = Arrays.copyOf(b, b.length * 2);
            batches[s] = b;
        }
        int o = n * 4;
        b[o] = x;
        b[o + 1] = y;
        b[o + 2] = w;
        b[o + 3] = h;
        counts[s] = n + 1;
    }

    @Override
    public void flush() {
        for (int s = 0; s < keys.length; s++) {
            int n = counts[s];
            if (n == 0) {
                continue;
            }
            double[] b = batches[s];
            gc.setFill(color(keys[s]));
            for (int i = 0; i < n * 4; i += 4) {
                fill(b[i], b[i + 1], b[i + 2], b[i + 3]);
            }
            counts[s] = 0;
        }
    }

    @Override
    public void strokeRect(int argb, double x, double y, double w, double h, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeRect(x, y, w, h);
    }

    /**
     * Fills the rectangle that a 1 px stroke of this horizontal or vertical line covers with the canvas' square
     * caps: the same pixels, but Prism's software renderer fills a rectangle many times faster than it strokes a
     * path.
     */
    @Override
    public void line(int argb, double x1, double y1, double x2, double y2) {
        gc.setFill(color(argb));
        fill(Math.min(x1, x2) - 0.5, Math.min(y1, y2) - 0.5, Math.abs(x2 - x1) + 1, Math.abs(y2 - y1) + 1);
    }

    /**
     * Fills a rectangle cut to just outside the canvas: the software renderer fills in 16.16 fixed point, so an
     * interval reaching millions of pixels off screen at a deep zoom would overflow.
     */
    private void fill(double x, double y, double w, double h) {
        double x0 = Math.max(-1, x);
        double y0 = Math.max(-1, y);
        double x1 = Math.min(gc.getCanvas().getWidth() + 1, x + w);
        double y1 = Math.min(gc.getCanvas().getHeight() + 1, y + h);
        if (x1 > x0 && y1 > y0) {
            gc.fillRect(x0, y0, x1 - x0, y1 - y0);
        }
    }

    @Override
    public void text(int argb, String s, double x, double y, boolean isBold) {
        gc.setFill(color(argb));
        gc.setFont(isBold ? bold : font);
        gc.fillText(s, x, y);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        flush();
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.clip();
        clips++;
    }

    @Override
    public void unclip() {
        flush();
        if (clips > 0) {
            gc.restore();
            clips--;
        }
    }
}
