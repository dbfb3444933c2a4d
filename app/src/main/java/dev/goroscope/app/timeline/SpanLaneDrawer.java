package dev.goroscope.app.timeline;

import dev.goroscope.model.flame.FramePalette;
import dev.goroscope.model.stack.StringTable;
import dev.goroscope.model.timeline.SpanLane;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a lane of named nested spans (a Chrome trace thread) through a {@link Painter}: one row per depth, the
 * outermost on top, each span in its name's flame graph colour with its name where it fits. Per depth only the
 * spans in the visible time range are visited (binary search); spans narrower than {@value #MIN_SPAN_PX} px are
 * merged with their neighbours, gaps included, into one grey run until a span or a gap is wide enough to stand
 * alone. No JavaFX.
 */
final class SpanLaneDrawer {
    static final double MIN_SPAN_PX = 3;
    private static final int OPAQUE = 0xFF000000;
    private static final int MERGED = OPAQUE | 0xA9AEB8;
    private static final int TEXT = OPAQUE | 0x1D2027;
    private static final double LABEL_MIN_PX = 24;

    /** A span name waiting to be drawn over the boxes, with the room it has. */
    private record Label(String text, double x, double y, double width) {
    }

    private final StringTable names;
    private final TimeViewport viewport;
    private final double left;
    private final int[] colorOfName;
    private final List<Label> labels = new ArrayList<>();
    private long drawn;

    SpanLaneDrawer(StringTable names, TimeViewport viewport, double left) {
        this.names = names;
        this.viewport = viewport;
        this.left = left;
        this.colorOfName = new int[names.size()];
        Arrays.fill(colorOfName, -1);
    }

    /** Draws {@code lane} in the row at {@code y}; returns how many rectangles it drew. */
    long draw(Painter p, SpanLane lane, double y) {
        drawn = 0;
        long from = (long) Math.floor(viewport.startNs());
        long to = (long) Math.ceil(viewport.endNs());
        double minNs = viewport.nsPerPx() * MIN_SPAN_PX;
        for (int d = 0; d < lane.depths(); d++) {
            double top = y + 2 + d * LaneRows.SPAN_DEPTH_HEIGHT;
            double h = LaneRows.SPAN_DEPTH_HEIGHT - 1;
            long runStart = 0;
            long runEnd = Long.MIN_VALUE;
            for (int i = lane.firstEndingAfter(d, from); i < lane.size(d) && lane.start(d, i) < to; i++) {
                long s = lane.start(d, i);
                long e = lane.end(d, i);
                boolean tiny = e - s < minNs;
                if (runEnd != Long.MIN_VALUE && (!tiny || s - runEnd >= minNs)) {
                    fill(p, MERGED, runStart, runEnd, top, h);
                    runEnd = Long.MIN_VALUE;
                }
                if (tiny) {
                    if (runEnd == Long.MIN_VALUE) {
                        runStart = s;
                    }
                    runEnd = e;
                    continue;
                }
                double w = fill(p, OPAQUE | color(lane.nameId(d, i)), s, e, top, h);
                if (w >= LABEL_MIN_PX) {
                    labels.add(new Label(names.get(lane.nameId(d, i)), Math.max(left, x(s)) + 3, top + h - 4, w - 6));
                }
            }
            if (runEnd != Long.MIN_VALUE) {
                fill(p, MERGED, runStart, runEnd, top, h);
            }
        }
        if (!labels.isEmpty()) {
            p.flush();
            for (Label l : labels) {
                String s = Painter.fit(l.text(), l.width());
                if (s != null) {
                    p.text(TEXT, s, l.x(), l.y(), false);
                }
            }
            labels.clear();
        }
        return drawn;
    }

    /**
     * The hover text of the span at time {@code t}, {@code dy} px below the top of the lane's row: its name, start
     * (from {@code origin}) and duration; null when no span is there.
     */
    String describe(SpanLane lane, double dy, long t, long origin) {
        int d = (int) Math.floor((dy - 2) / LaneRows.SPAN_DEPTH_HEIGHT);
        int i = lane.spanAt(d, t);
        if (i < 0) {
            return null;
        }
        long s = lane.start(d, i);
        long e = lane.end(d, i);
        return names.get(lane.nameId(d, i)) + "\n" + lane.name() + "\nstart " + TimeTicks.duration(s - origin)
                + "   duration " + TimeTicks.duration(e - s);
    }

    /** Fills the time range as a box, visible part only; returns its visible width in px. */
    private double fill(Painter p, int argb, long start, long end, double top, double h) {
        double x0 = Math.max(left - 1, Math.floor(x(start)));
        double x1 = Math.min(left + viewport.width() + 1, Math.floor(x(end)));
        double w = Math.max(1, x1 - x0 - (x1 - x0 >= 4 ? 1 : 0));
        p.fillRect(argb, x0, top, w, h);
        drawn++;
        return w;
    }

    private double x(long t) {
        return left + viewport.x(t);
    }

    private int color(int nameId) {
        if (colorOfName[nameId] < 0) {
            colorOfName[nameId] = FramePalette.colorOf(names.get(nameId));
        }
        return colorOfName[nameId];
    }
}
