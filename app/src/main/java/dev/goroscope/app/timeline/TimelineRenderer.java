package dev.goroscope.app.timeline;

import dev.goroscope.app.theme.ThemeColors;
import dev.goroscope.model.timeline.CounterSeries;
import dev.goroscope.model.timeline.GroupSummary;
import dev.goroscope.model.timeline.LaneLod;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StatePalette;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.TimeRanges;
import dev.goroscope.model.timeline.Timeline;

/**
 * Draws the timeline through a {@link Painter}: overview strip, time ruler, the label gutter and the rows in view.
 * Only rows that intersect the view are visited, and in each lane only the intervals in the visible time range,
 * through {@link LaneLod}: intervals narrower than {@value #MIN_SPAN_PX} px are merged into runs drawn as stacked
 * bars of the time per state. A folded goroutine group's header shows the state mix of its lanes over time
 * ({@link GroupSummary}) once {@link GroupStrips} has built it in the background, only its label and count before. During a search, lanes that do not match are drawn faded and intervals whose stack
 * matches carry a mark. The painter batches rectangles by colour. No JavaFX, so the SVG export and the canvas
 * share every drawing decision.
 */
public final class TimelineRenderer {
    public static final double GUTTER = 210;
    public static final double OVERVIEW_HEIGHT = 30;
    public static final double RULER_HEIGHT = 24;
    public static final double HEADER = OVERVIEW_HEIGHT + RULER_HEIGHT;
    static final double MIN_SPAN_PX = 4;
    private static final int OPAQUE = 0xFF000000;
    private static final int SELECTION = 0x332F6FDE;
    private static final int SELECTION_EDGE = OPAQUE | 0x2F6FDE;
    private static final int MERGED_MARK = 0x66000000 | (StatePalette.MERGED_OUTLINE & 0xFFFFFF);
    /** Marks an interval whose stack matches the search. */
    static final int SEARCH_MARK = OPAQUE | 0xE0218A;
    /** How much of a faded (non-matching) colour is left; the rest is the background. */
    private static final double FADE = 0.28;
    /** The order in which a merged run stacks its kinds, bottom up. */
    private static final int[] STACK_ORDER = {SpanKind.RUNNING, SpanKind.RUNNABLE, SpanKind.SYSCALL, SpanKind.SYNC,
        SpanKind.CHAN, SpanKind.SELECT, SpanKind.IO, SpanKind.GC, SpanKind.SLEEP, SpanKind.WAITING, SpanKind.IDLE};

    private final TimelineData data;
    private final LaneRows rows;
    private final TimeViewport viewport;
    private final GroupStrips strips;
    private final LabelBatch labels = new LabelBatch();
    private final SpanLaneDrawer spanLanes;
    private long selectionFrom = Long.MIN_VALUE;
    private long selectionTo = Long.MIN_VALUE;
    private SpanRef selected;
    private SpanRef hovered;
    private SpanSearch search;
    private long drawnPieces;
    private final long[] scratch = new long[SpanKind.COUNT];
    private int background;
    private int stripe;
    private int headerRow;
    private int grid;
    private int text;
    private int muted;
    private int border;
    private int highlight;

    public TimelineRenderer(TimelineData data, LaneRows rows, TimeViewport viewport, GroupStrips strips) {
        this.data = data;
        this.rows = rows;
        this.viewport = viewport;
        this.strips = strips;
        this.spanLanes = new SpanLaneDrawer(data.timeline().strings(), viewport, GUTTER);
        setColors(ThemeColors.LIGHT);
    }

    /** The background, text and grid colours of the next frames (span colours are the same in every theme). */
    public void setColors(ThemeColors c) {
        background = OPAQUE | c.background();
        stripe = OPAQUE | c.stripe();
        headerRow = OPAQUE | c.header();
        grid = OPAQUE | c.grid();
        text = OPAQUE | c.text();
        muted = OPAQUE | c.muted();
        border = OPAQUE | c.border();
        highlight = OPAQUE | c.outline();
    }

    public void setSelection(long from, long to) {
        selectionFrom = from;
        selectionTo = to;
    }

    public void setSelected(SpanRef s) {
        selected = s;
    }

    public void setHovered(SpanRef s) {
        hovered = s;
    }

    /** The search whose matches stand out; null or inactive for none. */
    public void setSearch(SpanSearch s) {
        search = s == null || !s.active() ? null : s;
    }

    /**
     * The colour of a span kind, faded toward the theme's {@code background} (0xRRGGBB) when its lane does not
     * match the search.
     */
    static int color(int kind, boolean faded, int background) {
        int rgb = StatePalette.color(kind);
        if (!faded) {
            return OPAQUE | rgb;
        }
        int r = (int) Math.round((rgb >> 16 & 0xFF) * FADE + (background >> 16 & 0xFF) * (1 - FADE));
        int g = (int) Math.round((rgb >> 8 & 0xFF) * FADE + (background >> 8 & 0xFF) * (1 - FADE));
        int b = (int) Math.round((rgb & 0xFF) * FADE + (background & 0xFF) * (1 - FADE));
        return OPAQUE | r << 16 | g << 8 | b;
    }

    /** Rectangles and runs drawn by the last frame (for the benchmark). */
    public long drawnPieces() {
        return drawnPieces;
    }

    /** Draws a frame of {@code width × height} px. */
    public void draw(Painter p, double width, double height) {
        drawnPieces = 0;
        viewport.setWidth(Math.max(1, width - GUTTER));
        p.fillRect(background, 0, 0, width, height);
        double lanesTop = HEADER;
        double scroll = viewport.scrollY();
        int first = Math.max(0, rows.rowAt(scroll));
        p.clip(GUTTER, lanesTop, width - GUTTER, height - lanesTop);
        long step = TimeTicks.step(viewport.nsPerPx());
        for (int r = first; r < rows.size(); r++) {
            double y = lanesTop + rows.top(r) - scroll;
            if (y > height) {
                break;
            }
            LaneRows.Kind k = rows.kind(r);
            if (k == LaneRows.Kind.HEADER) {
                p.fillRect(headerRow, GUTTER, y, width - GUTTER, rows.height(r));
            } else if (r % 2 == 1 && rows.height(r) == LaneRows.LANE_HEIGHT) {
                p.fillRect(stripe, GUTTER, y, width - GUTTER, rows.height(r));
            }
        }
        p.flush();
        drawGrid(p, step, lanesTop, height);
        p.flush();
        for (int r = first; r < rows.size(); r++) {
            double y = lanesTop + rows.top(r) - scroll;
            if (y > height) {
                break;
            }
            drawRow(p, r, y, width);
        }
        p.flush();
        drawSelection(p, lanesTop, height);
        drawOutline(p, hovered, first, lanesTop, height, 1);
        drawOutline(p, selected, first, lanesTop, height, 2);
        p.unclip();
        drawGutter(p, first, lanesTop, height);
        drawOverview(p, width);
        drawRuler(p, width, step);
        p.flush();
    }

    private void drawGrid(Painter p, long step, double top, double height) {
        long t0 = viewport.traceStart();
        long k = (long) Math.floor((viewport.startNs() - t0) / step);
        for (long t = t0 + k * step; t < viewport.endNs(); t += step) {
            double x = GUTTER + Math.round(viewport.x(t)) + 0.5;
            if (x >= GUTTER) {
                p.line(grid, x, top, x, height);
            }
        }
    }

    private void drawRow(Painter p, int r, double y, double width) {
        double h = rows.height(r);
        Timeline t = data.timeline();
        switch (rows.kind(r)) {
            case GC -> drawRanges(p, t.gcRanges(), StatePalette.GC, y, h);
            case STW -> drawRanges(p, t.stwRanges(), StatePalette.STW, y, h);
            case COUNTER -> drawCounter(p, t.counters().get(rows.counterName(r)), y, h, width);
            case HEADER -> {
                LaneRows.Header header = rows.header(r);
                if (header.members() != null && rows.isCollapsed(r)) {
                    GroupSummary strip = strips.summary(header);
                    if (strip != null) {
                        drawGroupStrip(p, strip, y, h);
                    }
                }
            }
            case PROC -> drawLane(p, data.procLod(rows.index(r)), y, h, -1);
            case THREAD -> drawLane(p, data.threadLod(rows.index(r)), y, h, -1);
            case GOROUTINE -> drawLane(p, data.goroutineLod(rows.index(r)), y, h, rows.index(r));
            case SPANS -> drawnPieces += spanLanes.draw(p, t.spanLanes().get(rows.index(r)), y);
        }
    }

    private void drawRanges(Painter p, TimeRanges ranges, int rgb, double y, double h) {
        long from = (long) viewport.startNs();
        int i = Math.max(0, ranges.firstStartingAt(from) - 1);
        for (; i < ranges.size() && ranges.start(i) < viewport.endNs(); i++) {
            if (ranges.end(i) <= from) {
                continue;
            }
            double x0 = GUTTER + Math.floor(viewport.x(ranges.start(i)));
            double x1 = GUTTER + Math.ceil(viewport.x(ranges.end(i)));
            p.fillRect(OPAQUE | rgb, x0, y + 2, Math.max(1, x1 - x0), h - 4);
            drawnPieces++;
        }
    }

    private void drawCounter(Painter p, CounterSeries c, double y, double h, double width) {
        if (c == null || c.size() == 0) {
            return;
        }
        long max = Math.max(1, c.max());
        long[] times = c.times();
        long[] values = c.values();
        int color = OPAQUE | StatePalette.COUNTER;
        int fill = 0x55000000 | StatePalette.COUNTER;
        double plotH = h - 6;
        double base = y + h - 2;
        int cols = (int) Math.ceil(width - GUTTER);
        int i = firstAfter(times, (long) viewport.startNs()) - 1;
        double prevTop = Double.NaN;
        for (int x = 0; x < cols; x++) {
            long colEnd = (long) viewport.time(x + 1);
            long v = i >= 0 && i < values.length ? values[i] : 0;
            int next = firstAfter(times, colEnd);
            int stride = Math.max(1, (next - i) / 16);
            for (int j = Math.max(0, i); j < next; j += stride) {
                v = Math.max(v, values[j]);
            }
            i = next - 1;
            if (v <= 0 && times.length > 0 && colEnd < times[0]) {
                continue;
            }
            double top = base - plotH * v / max;
            p.fillRect(fill, GUTTER + x, top, 1, base - top);
            if (!Double.isNaN(prevTop)) {
                p.fillRect(color, GUTTER + x, Math.min(top, prevTop), 1, Math.abs(top - prevTop) + 1);
            }
            prevTop = top;
            drawnPieces++;
        }
        p.flush();
        p.text(muted, valueLabel(max, c.unit()), GUTTER + 4, y + 11, false);
    }

    private static int firstAfter(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String valueLabel(long v, String unit) {
        if ("bytes".equals(unit)) {
            if (v >= 1L << 30) {
                return String.format(java.util.Locale.ROOT, "%.1f GiB", v / (double) (1L << 30));
            }
            if (v >= 1L << 20) {
                return String.format(java.util.Locale.ROOT, "%.1f MiB", v / (double) (1L << 20));
            }
            return String.format(java.util.Locale.ROOT, "%.1f KiB", v / 1024.0);
        }
        return v + " " + unit;
    }

    /** A folded group's state mix: per cell of {@value #MIN_SPAN_PX} px, the time per kind as stacked bars. */
    private void drawGroupStrip(Painter p, GroupSummary s, double y, double h) {
        double top = y + 3;
        double height = h - 6;
        double width = viewport.width();
        for (double x = 0; x < width; x += MIN_SPAN_PX) {
            int b0 = s.binAt((long) viewport.time(x));
            int b1 = Math.max(b0 + 1, s.binAt((long) viewport.time(x + MIN_SPAN_PX)));
            long total = s.timeByKind(b0, b1, scratch);
            if (total > 0) {
                stackKinds(p, scratch, total, GUTTER + x, top, MIN_SPAN_PX, height, true, false);
            }
        }
    }

    /** Draws {@code timeByKind} as bars stacked bottom up in {@link #STACK_ORDER}, {@code total} being full height. */
    private void stackKinds(Painter p, long[] timeByKind, long total, double x0, double top, double w, double height,
            boolean withIdle, boolean faded) {
        double bottom = top + height;
        double acc = 0;
        for (int k : STACK_ORDER) {
            long v = timeByKind[k];
            if (v <= 0 || !withIdle && k == SpanKind.IDLE) {
                acc += v;
                continue;
            }
            double yHi = bottom - Math.round(height * (acc + v) / total);
            double yLo = bottom - Math.round(height * acc / total);
            acc += v;
            if (yLo - yHi >= 1) {
                p.fillRect(color(k, faded, background), x0, yHi, w, yLo - yHi);
                drawnPieces++;
            }
        }
    }

    private void drawLane(Painter p, LaneLod lod, double y, double h, int g) {
        boolean goroutine = g >= 0;
        boolean faded = goroutine && search != null && !search.laneMatches(g);
        boolean marks = goroutine && search != null && !faded;
        double top = y + 2;
        double height = h - 4;
        long from = (long) Math.floor(viewport.startNs());
        long to = (long) Math.ceil(viewport.endNs());
        long cell = Math.max(1, (long) (viewport.nsPerPx() * MIN_SPAN_PX));
        StateLane lane = lod.lane();
        lod.visit(from, to, cell, new LaneLod.Sink() {
            @Override
            public void span(int index, long start, long end, int kind) {
                if (!goroutine && kind == SpanKind.IDLE) {
                    return;
                }
                double x0 = GUTTER + Math.floor(viewport.x(start));
                double x1 = GUTTER + Math.floor(viewport.x(end));
                double w = Math.max(1, x1 - x0 - (x1 - x0 >= 4 ? 1 : 0));
                p.fillRect(color(kind, faded, background), x0, top, w, height);
                drawnPieces++;
                if (marks && search.spanMatches(g, index)) {
                    p.fillRect(SEARCH_MARK, x0, top, w, 3);
                }
                if (w > 44 && !faded) {
                    String label = spanLabel(lane, index, kind, goroutine);
                    if (label != null) {
                        labels.add(x0 + 3, top + height - 4, w - 6, label);
                    }
                }
            }

            @Override
            public void merged(int first, int last, long start, long end, long[] timeByKind) {
                double x0 = GUTTER + Math.floor(viewport.x(start));
                double x1 = GUTTER + Math.floor(viewport.x(end));
                double w = Math.max(1, x1 - x0);
                stackKinds(p, timeByKind, end - start, x0, top, w, height, goroutine, faded);
                p.fillRect(MERGED_MARK, x0, top - 1, w, 1);
                if (marks && search.anySpanMatches(g, first, last)) {
                    p.fillRect(SEARCH_MARK, x0, top, w, 3);
                }
            }
        });
        labels.flush(p);
    }

    /** Span labels of one lane, drawn after its rectangles. */
    private static final class LabelBatch {
        private record Label(double x, double y, double w, String s) {
        }

        private final java.util.List<Label> pending = new java.util.ArrayList<>();

        void add(double x, double y, double w, String s) {
            pending.add(new Label(x, y, w, s));
        }

        void flush(Painter p) {
            if (pending.isEmpty()) {
                return;
            }
            p.flush();
            for (Label l : pending) {
                String s = Painter.fit(l.s(), l.w());
                if (s != null) {
                    p.text(OPAQUE | 0xFFFFFF, s, l.x(), l.y(), false);
                }
            }
            pending.clear();
        }
    }

    private String spanLabel(StateLane lane, int i, int kind, boolean goroutine) {
        if (!goroutine) {
            int g = lane.detail(i);
            return g < 0 ? null : "G" + data.timeline().goroutines().id(g);
        }
        int reason = lane.detail(i);
        if (kind >= SpanKind.CHAN && reason >= 0) {
            return data.timeline().strings().get(reason);
        }
        return kind == SpanKind.RUNNING || kind == SpanKind.SYSCALL || kind == SpanKind.RUNNABLE
                ? SpanKind.label(kind) : null;
    }

    private void drawSelection(Painter p, double top, double height) {
        if (selectionTo <= selectionFrom) {
            return;
        }
        double x0 = GUTTER + viewport.x(selectionFrom);
        double x1 = GUTTER + viewport.x(selectionTo);
        p.fillRect(SELECTION, x0, top, Math.max(1, x1 - x0), height - top);
        p.flush();
        p.line(SELECTION_EDGE, x0, top, x0, height);
        p.line(SELECTION_EDGE, x1, top, x1, height);
    }

    private void drawOutline(Painter p, SpanRef s, int first, double top, double height, double lw) {
        if (s == null) {
            return;
        }
        for (int r = first; r < rows.size(); r++) {
            double y = top + rows.top(r) - viewport.scrollY();
            if (y > height) {
                return;
            }
            if (rows.kind(r) == s.lane() && rows.index(r) == s.index()) {
                double x0 = GUTTER + Math.floor(viewport.x(s.start(data)));
                double x1 = GUTTER + Math.floor(viewport.x(s.end(data)));
                p.strokeRect(highlight, x0 - 0.5, y + 1.5, Math.max(2, x1 - x0) + 1, rows.height(r) - 3, lw);
                return;
            }
        }
    }

    private void drawGutter(Painter p, int first, double top, double height) {
        p.fillRect(background, 0, top, GUTTER, height - top);
        p.flush();
        p.clip(0, top, GUTTER, height - top);
        for (int r = first; r < rows.size(); r++) {
            double y = top + rows.top(r) - viewport.scrollY();
            if (y > height) {
                break;
            }
            double h = rows.height(r);
            LaneRows.Kind k = rows.kind(r);
            if (k == LaneRows.Kind.HEADER) {
                p.fillRect(headerRow, 0, y, GUTTER, h);
                p.flush();
                String mark = rows.isCollapsed(r) ? "▸ " : "▾ ";
                String s = Painter.fit(mark + rows.label(r), GUTTER - 10);
                if (s != null) {
                    p.text(text, s, 6, y + h - 6, true);
                }
                continue;
            }
            double indent = k == LaneRows.Kind.GOROUTINE || k == LaneRows.Kind.PROC || k == LaneRows.Kind.THREAD ? 18 : 6;
            String s = Painter.fit(rows.label(r), GUTTER - indent - 6);
            boolean match = k == LaneRows.Kind.GOROUTINE && search != null && search.laneMatches(rows.index(r));
            if (s != null) {
                p.text(k == LaneRows.Kind.COUNTER ? muted : text, s, indent, y + Math.min(h, LaneRows.LANE_HEIGHT) - 5,
                        match);
            }
        }
        p.unclip();
        p.line(border, GUTTER - 0.5, top, GUTTER - 0.5, height);
    }

    private void drawOverview(Painter p, double width) {
        double w = width - GUTTER;
        long t0 = viewport.traceStart();
        double scale = (viewport.traceEnd() - t0) / w;
        p.fillRect(headerRow, 0, 0, width, OVERVIEW_HEIGHT);
        CounterSeries c = data.timeline().counters().get("goroutines");
        if (c != null && c.size() > 0) {
            long max = Math.max(1, c.max());
            for (int x = 0; x < (int) w; x++) {
                long v = c.valueAt((long) (t0 + (x + 0.5) * scale));
                double hh = (OVERVIEW_HEIGHT - 6) * v / max;
                if (hh >= 0.5) {
                    p.fillRect(0x88000000 | StatePalette.COUNTER, GUTTER + x, OVERVIEW_HEIGHT - 3 - hh, 1, hh);
                }
            }
        }
        TimeRanges gc = data.timeline().gcRanges();
        for (int i = 0; i < gc.size(); i++) {
            double x0 = GUTTER + (gc.start(i) - t0) / scale;
            double x1 = GUTTER + (gc.end(i) - t0) / scale;
            p.fillRect(OPAQUE | StatePalette.GC, x0, OVERVIEW_HEIGHT - 3, Math.max(1, x1 - x0), 3);
        }
        p.flush();
        double vx0 = GUTTER + (viewport.startNs() - t0) / scale;
        double vx1 = GUTTER + (viewport.endNs() - t0) / scale;
        p.fillRect(0x222F6FDE, vx0, 1, Math.max(2, vx1 - vx0), OVERVIEW_HEIGHT - 2);
        p.flush();
        p.strokeRect(SELECTION_EDGE, vx0, 1.5, Math.max(2, vx1 - vx0), OVERVIEW_HEIGHT - 3, 1);
        p.text(muted, "Overview", 8, 19, false);
        p.text(muted, TimeTicks.duration(viewport.traceEnd() - t0), GUTTER - 70, 19, false);
        p.line(border, 0, OVERVIEW_HEIGHT - 0.5, width, OVERVIEW_HEIGHT - 0.5);
    }

    private void drawRuler(Painter p, double width, long step) {
        double y = OVERVIEW_HEIGHT;
        p.fillRect(background, 0, y, width, RULER_HEIGHT);
        if (selectionTo > selectionFrom) {
            double x0 = Math.max(GUTTER, GUTTER + viewport.x(selectionFrom));
            double x1 = Math.min(width, GUTTER + viewport.x(selectionTo));
            if (x1 > x0) {
                p.fillRect(0x552F6FDE, x0, y, x1 - x0, RULER_HEIGHT);
            }
        }
        p.flush();
        long t0 = viewport.traceStart();
        long k = (long) Math.floor((viewport.startNs() - t0) / step);
        long minor = step / 5 > 0 ? step / 5 : step;
        for (long t = t0 + k * step; t < viewport.endNs(); t += minor) {
            double x = GUTTER + Math.round(viewport.x(t)) + 0.5;
            if (x < GUTTER) {
                continue;
            }
            boolean major = (t - t0) % step == 0;
            p.line(border, x, y + RULER_HEIGHT - (major ? 8 : 4), x, y + RULER_HEIGHT);
            if (major) {
                p.text(text, TimeTicks.label(t - t0, step), x + 3, y + 13, false);
            }
        }
        String range = "Drag here to select a range";
        if (selectionTo > selectionFrom) {
            range = "Selected " + TimeTicks.duration(selectionTo - selectionFrom);
        }
        p.text(muted, range, 8, y + 16, false);
        p.line(border, 0, y + RULER_HEIGHT - 0.5, width, y + RULER_HEIGHT - 0.5);
    }

    /** What is under a point: the row (or -1) and, on a P, M or goroutine lane, the interval there. */
    public record Hit(int row, SpanRef span, long timeNs) {
    }

    /** The hover text of the named span at canvas point {@code (x, y)} in a span lane, or null. */
    public String namedSpanText(double x, double y) {
        if (y < HEADER || x < GUTTER) {
            return null;
        }
        double content = y - HEADER + viewport.scrollY();
        int r = rows.rowAt(content);
        if (r < 0 || rows.kind(r) != LaneRows.Kind.SPANS) {
            return null;
        }
        Timeline t = data.timeline();
        return spanLanes.describe(t.spanLanes().get(rows.index(r)), content - rows.top(r),
                (long) viewport.time(x - GUTTER), t.startNs());
    }

    /** The row and interval at canvas point {@code (x, y)}. */
    public Hit hit(double x, double y) {
        long t = (long) viewport.time(x - GUTTER);
        if (y < HEADER) {
            return new Hit(-1, null, t);
        }
        int r = rows.rowAt(y - HEADER + viewport.scrollY());
        if (r < 0 || x < GUTTER) {
            return new Hit(r, null, t);
        }
        LaneRows.Kind k = rows.kind(r);
        if (k != LaneRows.Kind.PROC && k != LaneRows.Kind.THREAD && k != LaneRows.Kind.GOROUTINE) {
            return new Hit(r, null, t);
        }
        SpanRef probe = new SpanRef(k, rows.index(r), 0);
        StateLane lane = probe.stateLane(data);
        int i = lane.indexAt(t);
        if (i < 0 || k != LaneRows.Kind.GOROUTINE && lane.stateOrdinal(i) == 0) {
            return new Hit(r, null, t);
        }
        return new Hit(r, new SpanRef(k, rows.index(r), i), t);
    }
}
