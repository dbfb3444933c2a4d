package dev.goroscope.app.timeline;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The timeline on one {@link Canvas}, repainted at most once per pulse (changes only mark it dirty and request a
 * layout). Mouse: wheel zooms at the cursor, Shift+wheel scrolls the lanes, dragging the lanes pans, dragging on
 * the ruler selects a time range, dragging on the overview moves the view, a click selects the interval under the
 * cursor, a double click zooms to it, a click on a group header folds or unfolds it. Keys: W/S zoom, A/D and the
 * left/right arrows pan, up/down scroll, Home shows the whole trace, Ctrl+Z / Ctrl+Shift+Z undo and redo
 * navigation, Escape clears the range. A change of the active theme repaints in its colours.
 */
public final class TimelineCanvas extends Region {
    private static final double SCROLLBAR = 14;

    private final TimelineData data;
    private final LaneRows rows;
    private final TimeViewport viewport;
    private final TimelineRenderer renderer;
    private final GroupStrips strips;
    private final Canvas canvas = new Canvas();
    private final FxPainter painter;
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label card = new Label();
    private Consumer<SpanRef> onSelect = s -> { };
    private Runnable onRange = () -> { };
    private Runnable onView = () -> { };
    private boolean dirty = true;
    private boolean syncing;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean moved;
    private Drag drag = Drag.NONE;
    private long selFrom = Long.MIN_VALUE;
    private long selTo = Long.MIN_VALUE;
    private long lastWheel;
    private SpanRef selected;
    private SpanRef hovered;
    private long lastPaintNanos;
    private final InvalidationListener onTheme = o -> markDirty();

    private enum Drag { NONE, PAN, RANGE, OVERVIEW }

    /** The timeline of {@code data} in {@code rows}; folded groups' strips are built through {@code runner}. */
    public TimelineCanvas(TimelineData data, LaneRows rows, TaskRunner runner) {
        this.data = data;
        this.rows = rows;
        Timeline t = data.timeline();
        this.viewport = new TimeViewport(t.startNs(), t.endNs());
        this.strips = new GroupStrips(data, runner);
        strips.setOnReady(this::markDirty);
        rows.setOnRegroup(strips::regroup);
        this.renderer = new TimelineRenderer(data, rows, viewport, strips);
        this.painter = new FxPainter(canvas.getGraphicsContext2D());
        setId("timeline-canvas");
        getStyleClass().add("timeline-canvas");
        setFocusTraversable(true);
        canvas.setManaged(false);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setManaged(false);
        scrollBar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                viewport.setScrollY(b.doubleValue());
                markDirty();
            }
        });
        card.getStyleClass().add("timeline-card");
        card.setId("timeline-card");
        card.setManaged(false);
        card.setVisible(false);
        card.setMouseTransparent(true);
        getChildren().addAll(canvas, scrollBar, card);
        setMinSize(200, 120);
        setPrefSize(1000, 500);
        widthProperty().addListener(o -> markDirty());
        heightProperty().addListener(o -> markDirty());
        ActiveTheme.property().addListener(new WeakInvalidationListener(onTheme));
        canvas.setOnMousePressed(this::onPressed);
        canvas.setOnMouseDragged(this::onDragged);
        canvas.setOnMouseReleased(this::onReleased);
        canvas.setOnMouseClicked(this::onClicked);
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseExited(e -> hover(null, 0, 0));
        canvas.setOnScroll(this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public TimeViewport viewport() {
        return viewport;
    }

    public TimelineRenderer renderer() {
        return renderer;
    }

    /** The state strips of folded groups. */
    public GroupStrips strips() {
        return strips;
    }

    public void setOnSelect(Consumer<SpanRef> c) {
        onSelect = c;
    }

    /** Called when the selected range changes (see {@link #selectionFrom()}). */
    public void setOnRange(Runnable r) {
        onRange = r;
    }

    /** Called after every navigation (for undo/redo buttons). */
    public void setOnView(Runnable r) {
        onView = r;
    }

    /** Start of the selected range, {@code Long.MIN_VALUE} when none. */
    public long selectionFrom() {
        return selFrom;
    }

    public long selectionTo() {
        return selTo;
    }

    public SpanRef selected() {
        return selected;
    }

    /** How long the last repaint took (recording the canvas commands), in nanoseconds. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Selects an interval, scrolls its lane into view and tells the listener. */
    public void select(SpanRef s) {
        selected = s;
        renderer.setSelected(s);
        if (s != null) {
            reveal(s);
        }
        onSelect.accept(s);
        markDirty();
    }

    /**
     * Selects interval {@code s} and brings time {@code t} into view (undoable) when it is not: a jump from one
     * lane to another (to the goroutine a P ran, to a creator, to the goroutine that unblocked this one).
     */
    public void jumpTo(SpanRef s, long t) {
        if (t < viewport.startNs() || t >= viewport.endNs()) {
            viewport.remember();
            viewport.panBy((t - (viewport.startNs() + viewport.endNs()) / 2) / viewport.nsPerPx());
            onView.run();
        }
        select(s);
    }

    /** Shows interval {@code s} across the view (undoable). */
    public void zoomTo(SpanRef s) {
        viewport.remember();
        viewport.showRange(s.start(data), s.end(data));
        changed();
    }

    public void setRange(long from, long to) {
        selFrom = from;
        selTo = to;
        renderer.setSelection(from, to);
        onRange.run();
        markDirty();
    }

    public void undo() {
        viewport.undo();
        changed();
    }

    public void redo() {
        viewport.redo();
        changed();
    }

    public void fit() {
        viewport.remember();
        viewport.fit();
        changed();
    }

    /** Zooms by {@code factor} around the middle (undoable). */
    public void zoom(double factor) {
        viewport.remember();
        viewport.zoomAt(viewport.width() / 2, factor);
        changed();
    }

    /** Rows were filtered, folded or unfolded. */
    public void rowsChanged() {
        viewport.setScrollY(Math.min(viewport.scrollY(), maxScroll()));
        markDirty();
    }

    public void markDirty() {
        dirty = true;
        requestLayout();
    }

    private void changed() {
        onView.run();
        markDirty();
    }

    /** Scrolls the lanes so that the lane of {@code s} is in view, unfolding a goroutine's group if needed. */
    public void reveal(SpanRef s) {
        if (s.lane() == LaneRows.Kind.GOROUTINE && rows.rowOfGoroutine(s.index()) >= 0) {
            rowsChanged();
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.kind(r) == s.lane() && rows.index(r) == s.index()) {
                double visible = canvas.getHeight() - TimelineRenderer.HEADER;
                double y = rows.top(r);
                if (y < viewport.scrollY() || y + rows.height(r) > viewport.scrollY() + visible) {
                    viewport.setScrollY(Math.max(0, Math.min(maxScroll(), y - visible / 3)));
                    markDirty();
                }
                return;
            }
        }
    }

    private double maxScroll() {
        return Math.max(0, rows.totalHeight() - (getHeight() - TimelineRenderer.HEADER) + 20);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth() - SCROLLBAR);
        double h = Math.max(1, getHeight());
        boolean resized = canvas.getWidth() != w || canvas.getHeight() != h;
        canvas.setWidth(w);
        canvas.setHeight(h);
        scrollBar.resizeRelocate(w, TimelineRenderer.HEADER, SCROLLBAR, Math.max(1, h - TimelineRenderer.HEADER));
        if (dirty || resized) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        viewport.setScrollY(Math.min(viewport.scrollY(), maxScroll()));
        renderer.setColors(ActiveTheme.colors());
        renderer.draw(painter, w, h);
        lastPaintNanos = System.nanoTime() - t0;
        syncing = true;
        scrollBar.setMax(maxScroll());
        scrollBar.setVisibleAmount(Math.max(1, h - TimelineRenderer.HEADER));
        scrollBar.setValue(viewport.scrollY());
        scrollBar.setVisible(maxScroll() > 0);
        syncing = false;
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        moved = false;
        drag = Drag.NONE;
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getY() < TimelineRenderer.OVERVIEW_HEIGHT && e.getX() >= TimelineRenderer.GUTTER) {
            viewport.remember();
            drag = Drag.OVERVIEW;
            centerOverview(e.getX());
        } else if (e.getY() < TimelineRenderer.HEADER && e.getX() >= TimelineRenderer.GUTTER) {
            drag = Drag.RANGE;
        } else if (e.getX() >= TimelineRenderer.GUTTER) {
            viewport.remember();
            drag = Drag.PAN;
        }
    }

    private void onDragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            moved = true;
        }
        switch (drag) {
            case PAN -> {
                viewport.panBy(-dx);
                viewport.setScrollY(Math.max(0, Math.min(maxScroll(), viewport.scrollY() - dy)));
                hover(null, 0, 0);
                changed();
            }
            case RANGE -> {
                if (moved) {
                    long a = (long) viewport.time(pressX - TimelineRenderer.GUTTER);
                    long b = (long) viewport.time(e.getX() - TimelineRenderer.GUTTER);
                    selFrom = Math.max(viewport.traceStart(), Math.min(a, b));
                    selTo = Math.min(viewport.traceEnd(), Math.max(a, b));
                    renderer.setSelection(selFrom, selTo);
                    markDirty();
                }
            }
            case OVERVIEW -> centerOverview(e.getX());
            case NONE -> {
            }
        }
    }

    private void onReleased(MouseEvent e) {
        if (drag == Drag.RANGE && moved) {
            onRange.run();
        }
        drag = Drag.NONE;
    }

    private void centerOverview(double x) {
        double frac = (x - TimelineRenderer.GUTTER) / viewport.width();
        double t = viewport.traceStart() + frac * (viewport.traceEnd() - viewport.traceStart());
        viewport.panBy((t - (viewport.startNs() + viewport.endNs()) / 2) / viewport.nsPerPx());
        changed();
    }

    private void onClicked(MouseEvent e) {
        if (moved || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        TimelineRenderer.Hit hit = renderer.hit(e.getX(), e.getY());
        if (hit.row() >= 0 && rows.kind(hit.row()) == LaneRows.Kind.HEADER && e.getClickCount() == 1) {
            rows.toggle(hit.row());
            rowsChanged();
            return;
        }
        if (e.getY() < TimelineRenderer.HEADER && e.getY() >= TimelineRenderer.OVERVIEW_HEIGHT) {
            setRange(Long.MIN_VALUE, Long.MIN_VALUE);
            return;
        }
        if (hit.span() == null) {
            return;
        }
        if (e.getClickCount() >= 2) {
            zoomTo(hit.span());
        } else {
            select(hit.span());
        }
    }

    private void onMoved(MouseEvent e) {
        TimelineRenderer.Hit hit = renderer.hit(e.getX(), e.getY());
        String named = hit.span() == null ? renderer.namedSpanText(e.getX(), e.getY()) : null;
        if (named != null) {
            renderer.setHovered(null);
            showCard(named, e.getX(), e.getY());
            markDirty();
            return;
        }
        hover(hit.span(), e.getX(), e.getY());
    }

    /** Shows the card of the interval under the mouse; the canvas is repainted only when that interval changes. */
    private void hover(SpanRef s, double x, double y) {
        if (!Objects.equals(s, hovered)) {
            hovered = s;
            renderer.setHovered(s);
            markDirty();
        }
        if (s == null) {
            card.setVisible(false);
        } else {
            showCard(describe(s), x, y);
        }
    }

    /** The hover card with {@code text}, beside the pointer and inside the canvas. */
    private void showCard(String text, double x, double y) {
        card.setText(text);
        card.autosize();
        double cx = x + 16 + card.getWidth() > getWidth() ? x - 12 - card.getWidth() : x + 16;
        double cy = Math.min(y + 16, getHeight() - card.getHeight() - 4);
        card.relocate(Math.max(0, cx), Math.max(0, cy));
        card.setVisible(true);
    }

    /** The hover text of an interval: lane, state and reason, start and duration, the function it was in. */
    String describe(SpanRef s) {
        Timeline t = data.timeline();
        StateLane lane = s.stateLane(data);
        int i = s.span();
        StringBuilder b = new StringBuilder();
        switch (s.lane()) {
            case PROC -> b.append("P").append(t.procId(s.index()));
            case THREAD -> b.append("M").append(t.threadId(s.index()));
            default -> b.append("G").append(t.goroutines().id(s.index())).append("  ")
                    .append(LaneRows.shortName(data.groupName(s.index())));
        }
        b.append('\n').append(SpanDetails.stateText(data, s));
        b.append("\nstart ").append(TimeTicks.duration(lane.start(i) - t.startNs()))
                .append("   duration ").append(TimeTicks.duration(lane.end(i) - lane.start(i)));
        int stack = s.lane() == LaneRows.Kind.GOROUTINE ? lane.stack(i) : StackTable.EMPTY;
        if (stack != StackTable.EMPTY) {
            FrameTable frames = t.stacks().frames();
            b.append('\n').append(frames.functionName(t.stacks().frame(stack)));
        }
        return b.toString();
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            viewport.setScrollY(Math.max(0, Math.min(maxScroll(), viewport.scrollY() - d)));
            markDirty();
        } else if (e.getDeltaY() != 0) {
            long now = System.currentTimeMillis();
            if (now - lastWheel > 600) {
                viewport.remember();
            }
            lastWheel = now;
            viewport.zoomAt(Math.max(0, e.getX() - TimelineRenderer.GUTTER), Math.exp(-e.getDeltaY() / 300));
            changed();
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        double w = viewport.width();
        boolean handled = true;
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) {
                redo();
            } else {
                undo();
            }
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            redo();
        } else {
            switch (e.getCode()) {
                case W -> zoom(0.7);
                case S -> zoom(1 / 0.7);
                case A, LEFT -> pan(-w / 6);
                case D, RIGHT -> pan(w / 6);
                case UP -> scrollLanes(-3 * LaneRows.LANE_HEIGHT);
                case DOWN -> scrollLanes(3 * LaneRows.LANE_HEIGHT);
                case PAGE_UP -> scrollLanes(-(getHeight() - TimelineRenderer.HEADER));
                case PAGE_DOWN -> scrollLanes(getHeight() - TimelineRenderer.HEADER);
                case HOME -> fit();
                case ESCAPE -> setRange(Long.MIN_VALUE, Long.MIN_VALUE);
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    private void pan(double dx) {
        viewport.remember();
        viewport.panBy(dx);
        changed();
    }

    private void scrollLanes(double dy) {
        viewport.setScrollY(Math.max(0, Math.min(maxScroll(), viewport.scrollY() + dy)));
        markDirty();
    }
}
