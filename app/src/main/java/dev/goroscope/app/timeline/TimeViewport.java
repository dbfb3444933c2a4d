package dev.goroscope.app.timeline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the timeline looks: the time at the left edge of the lanes, nanoseconds per pixel, and how far the lanes
 * are scrolled down. Zoom keeps the time under the cursor in place; the view never leaves the trace by more than
 * its width and never zooms closer than {@value #MIN_NS_PER_PX} ns per pixel. Undo and redo of navigation keep
 * the views left behind. No JavaFX.
 */
public final class TimeViewport {
    static final double MIN_NS_PER_PX = 0.05;
    private static final int HISTORY = 200;

    /** One view: left edge time, scale and vertical scroll. */
    public record View(double startNs, double nsPerPx, double scrollY) {
    }

    private final long traceStart;
    private final long traceEnd;
    private double width = 1000;
    private View view;
    private final Deque<View> back = new ArrayDeque<>();
    private final Deque<View> forward = new ArrayDeque<>();

    public TimeViewport(long traceStart, long traceEnd) {
        this.traceStart = traceStart;
        this.traceEnd = Math.max(traceEnd, traceStart + 1);
        this.view = fitView(traceStart, this.traceEnd, 0);
    }

    public View view() {
        return view;
    }

    public double startNs() {
        return view.startNs();
    }

    public double nsPerPx() {
        return view.nsPerPx();
    }

    public double scrollY() {
        return view.scrollY();
    }

    public double endNs() {
        return view.startNs() + view.nsPerPx() * width;
    }

    public long traceStart() {
        return traceStart;
    }

    public long traceEnd() {
        return traceEnd;
    }

    /** The width in pixels of the lanes' area; keeps the visible time range when it changes. */
    public void setWidth(double w) {
        if (w > 0 && w != width) {
            boolean fitted = Math.abs(view.startNs() - traceStart) < 1 && Math.abs(endNs() - traceEnd) < view.nsPerPx();
            width = w;
            if (fitted) {
                view = fitView(traceStart, traceEnd, view.scrollY());
            }
        }
    }

    public double width() {
        return width;
    }

    /** The x (relative to the lanes' left edge) of time {@code t}. */
    public double x(double t) {
        return (t - view.startNs()) / view.nsPerPx();
    }

    /** The time at {@code x}. */
    public double time(double x) {
        return view.startNs() + x * view.nsPerPx();
    }

    /** Marks the current view as a point to come back to (before a gesture or a key action). */
    public void remember() {
        if (!back.isEmpty() && back.peek().equals(view)) {
            return;
        }
        back.push(view);
        if (back.size() > HISTORY) {
            back.removeLast();
        }
        forward.clear();
    }

    public boolean canUndo() {
        return !back.isEmpty();
    }

    public boolean canRedo() {
        return !forward.isEmpty();
    }

    public void undo() {
        if (!back.isEmpty()) {
            forward.push(view);
            view = back.pop();
        }
    }

    public void redo() {
        if (!forward.isEmpty()) {
            back.push(view);
            view = forward.pop();
        }
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) keeping the time at {@code x} where it is. */
    public void zoomAt(double x, double factor) {
        double t = time(x);
        double max = (traceEnd - traceStart) * 4.0 / width;
        double scale = Math.max(MIN_NS_PER_PX, Math.min(max, view.nsPerPx() * factor));
        set(t - x * scale, scale, view.scrollY());
    }

    /** Moves the view by {@code dx} pixels to the right (content moves left). */
    public void panBy(double dx) {
        set(view.startNs() + dx * view.nsPerPx(), view.nsPerPx(), view.scrollY());
    }

    /** Shows {@code [from, to)} across the width, with a small margin. */
    public void showRange(double from, double to) {
        double len = Math.max(to - from, MIN_NS_PER_PX * 20);
        double margin = len * 0.05;
        View v = fitView(from - margin, from + len + margin, view.scrollY());
        set(v.startNs(), v.nsPerPx(), v.scrollY());
    }

    /** The whole trace. */
    public void fit() {
        view = fitView(traceStart, traceEnd, view.scrollY());
    }

    public void setScrollY(double y) {
        view = new View(view.startNs(), view.nsPerPx(), Math.max(0, y));
    }

    private View fitView(double from, double to, double scrollY) {
        return new View(from, Math.max(MIN_NS_PER_PX, (to - from) / width), scrollY);
    }

    private void set(double start, double scale, double scrollY) {
        double span = scale * width;
        double lo = traceStart - span * 0.5;
        double hi = traceEnd - span * 0.5;
        view = new View(Math.max(lo, Math.min(hi, start)), scale, scrollY);
    }
}
