package dev.goroscope.app.flame;

import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.app.theme.ThemeColors;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.flame.FramePalette;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.TextAlignment;

/**
 * Draws one flame graph on a single {@link Canvas}: no Node per frame. The canvas follows the size of this
 * region; any change (snapshot, size, hover, scroll) only marks it dirty and requests a layout, and the layout
 * pass paints at most once per pulse. Painting lays the tree out for the canvas width ({@link FlameLayout}),
 * visits only the rows in view, fills boxes grouped by colour (one {@code setFill} per colour), and labels boxes
 * at least {@value #MIN_LABEL_WIDTH} px wide with names cut by arithmetic. Edges snap to device pixels, so boxes
 * stay crisp on HiDPI screens. Rows are counted from the root: a flame graph puts row 0 at the bottom, an icicle
 * at the top. The vertical scroll offset is the distance scrolled away from the root's row. A click zooms on a
 * frame; Escape or Backspace zooms out one level. Background, faded boxes and outlines take the active theme's
 * colours, and a theme change repaints.
 */
public final class FlameGraphCanvas extends Region {
    static final double ROW_HEIGHT = 20;
    private static final double MIN_LABEL_WIDTH = 20;
    /** Frames narrower than this many pixels are not drawn (nor their callees). */
    public static final double MIN_BOX_WIDTH = 0.5;
    private static final double LABEL_PAD = 5;
    /** Labels on coloured boxes: the palette's colours are light in every theme. */
    private static final Color FRAME_TEXT = Color.rgb(0x1D, 0x20, 0x27);

    private final FlameGraphModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final FrameTooltip tooltip = new FrameTooltip();
    private final FrameContextMenu menu;
    private final FrameColors colors = new FrameColors();
    private final InvalidationListener onTheme = o -> markDirty();
    private final Font font = Font.font(Font.getDefault().getFamily(), 12);
    private final LabelFitter fitter = new LabelFitter(font);
    private FlameRows rows;
    private long[] scratch = new long[256];
    private double offset;
    private int hovered = -1;
    private IntUnaryOperator nodeColors;
    private IntFunction<String> nodeNotes;
    private boolean dirty = true;
    private boolean syncingScrollBar;
    private boolean scrolls;

    public FlameGraphCanvas(FlameGraphModel model, Consumer<String> status) {
        this.model = model;
        this.menu = new FrameContextMenu(model, status);
        getStyleClass().add("flame-graph");
        setId("flame-canvas");
        canvas.setManaged(false);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setManaged(false);
        scrollBar.valueProperty().addListener((o, a, b) -> onScrollBar(b.doubleValue()));
        getChildren().addAll(canvas, scrollBar, tooltip);
        setMinSize(100, 60);
        setPrefSize(800, 400);

        model.snapshotProperty().addListener((o, before, after) -> onSnapshot(before, after));
        widthProperty().addListener(o -> markDirty());
        heightProperty().addListener(o -> markDirty());
        ActiveTheme.property().addListener(new WeakInvalidationListener(onTheme));
        canvas.setOnMouseMoved(this::onMouseMoved);
        canvas.setOnMouseExited(e -> hover(-1, e));
        canvas.setOnMouseClicked(this::onMouseClicked);
        canvas.setOnMousePressed(this::onMousePressed);
        canvas.setOnScroll(this::onScroll);
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.BACK_SPACE) {
                int zoom = model.zoomNode();
                if (zoom != CallTree.ROOT) {
                    model.zoomTo(model.tree().parent(zoom));
                }
                e.consume();
            }
        });
    }

    /** The width the flame graph is laid out across, in pixels. */
    /**
     * Colours boxes by node (node of the model's tree → 0xRRGGBB, e.g. a differential flame graph's red/blue)
     * instead of by function; null restores the palette.
     */
    public void setNodeColors(IntUnaryOperator rgbOfNode) {
        nodeColors = rgbOfNode;
        markDirty();
    }

    /** An extra tooltip line per node (e.g. before/after/delta), or null for none. */
    public void setNodeNotes(IntFunction<String> noteOfNode) {
        nodeNotes = noteOfNode;
    }

    public double drawingWidth() {
        return canvas.getWidth();
    }

    /** The tree node drawn at canvas point ({@code x}, {@code y}), or -1. */
    public int nodeAt(double x, double y) {
        FlameRows r = currentRows();
        int box = r.boxAt(x, rowAt(y));
        return box < 0 ? -1 : r.layout().node(box);
    }

    /**
     * The centre of {@code node}'s box in this region's coordinates, or null when it is not drawn (too narrow or
     * scrolled out of view). Lets tests and tools point at a frame.
     */
    public Point2D centerOf(int node) {
        FlameRows r = currentRows();
        int box = r.layout().boxOf(node);
        if (box < 0) {
            return null;
        }
        double y = rowY(r.layout().row(box)) + ROW_HEIGHT / 2;
        if (y < 0 || y > canvas.getHeight()) {
            return null;
        }
        return new Point2D(r.layout().x(box) + r.layout().width(box) / 2, y);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        double barWidth = snapSizeX(scrollBar.prefWidth(-1));
        double content = currentRowsFor(Math.max(0, w - (scrolls ? barWidth : 0))).rows() * ROW_HEIGHT;
        if (scrolls != content > h) {
            scrolls = content > h;
            content = currentRowsFor(Math.max(0, w - (scrolls ? barWidth : 0))).rows() * ROW_HEIGHT;
        }
        double canvasWidth = Math.max(0, w - (scrolls ? barWidth : 0));
        scrollBar.setVisible(scrolls);
        scrollBar.resizeRelocate(canvasWidth, 0, scrolls ? barWidth : 0, h);
        if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
            canvas.setWidth(canvasWidth);
            canvas.setHeight(h);
            dirty = true;
        }
        clampOffset();
        syncScrollBar(content, h);
        if (tooltip.isVisible()) {
            tooltip.autosize();
        }
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    private void onSnapshot(FlameSnapshot before, FlameSnapshot after) {
        boolean zoomChanged = before == null || before.tree() != after.tree() || before.zoom() != after.zoom();
        if (zoomChanged) {
            offset = Math.max(0, (after.tree().depth(after.zoom()) - 1) * ROW_HEIGHT);
        }
        hovered = -1;
        tooltip.setVisible(false);
        markDirty();
    }

    private FlameRows currentRows() {
        return currentRowsFor(canvas.getWidth());
    }

    /** The rows of the current snapshot laid out across {@code width}, recomputed only when an input changed. */
    private FlameRows currentRowsFor(double width) {
        FlameSnapshot s = model.snapshot();
        FlameLayout l = rows == null ? null : rows.layout();
        if (l == null || l.tree() != s.tree() || l.zoom() != s.zoom() || l.width() != width) {
            rows = FlameRows.of(FlameLayout.compute(s.tree(), s.zoom(), width, MIN_BOX_WIDTH));
        }
        return rows;
    }

    private boolean icicle() {
        return model.view().icicle();
    }

    /** Top of {@code row} in canvas coordinates. */
    private double rowY(int row) {
        return icicle() ? row * ROW_HEIGHT - offset : canvas.getHeight() - (row + 1) * ROW_HEIGHT + offset;
    }

    private int rowAt(double y) {
        double fromRoot = icicle() ? y + offset : canvas.getHeight() + offset - y;
        return fromRoot < 0 ? -1 : (int) (fromRoot / ROW_HEIGHT);
    }

    private double maxOffset() {
        return Math.max(0, currentRows().rows() * ROW_HEIGHT - canvas.getHeight());
    }

    private void clampOffset() {
        offset = Math.max(0, Math.min(offset, maxOffset()));
    }

    private void syncScrollBar(double content, double viewport) {
        syncingScrollBar = true;
        double max = Math.max(0, content - viewport);
        scrollBar.setMin(0);
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 1 : viewport * max / content);
        scrollBar.setUnitIncrement(ROW_HEIGHT);
        scrollBar.setBlockIncrement(Math.max(ROW_HEIGHT, viewport - ROW_HEIGHT));
        scrollBar.setValue(icicle() ? offset : max - offset);
        syncingScrollBar = false;
    }

    private void onScrollBar(double value) {
        if (syncingScrollBar) {
            return;
        }
        offset = icicle() ? value : scrollBar.getMax() - value;
        markDirty();
    }

    private void onScroll(ScrollEvent e) {
        double delta = icicle() ? -e.getDeltaY() : e.getDeltaY();
        offset = Math.max(0, Math.min(offset + delta, maxOffset()));
        hover(-1, null);
        markDirty();
        e.consume();
    }

    private void onMouseMoved(MouseEvent e) {
        hover(nodeAt(e.getX(), e.getY()), e);
    }

    /** The frame menu opens on the secondary button's press (where platforms and Monocle all report it). */
    private void onMousePressed(MouseEvent e) {
        if (e.getButton() != MouseButton.SECONDARY && !e.isPopupTrigger()) {
            return;
        }
        int node = nodeAt(e.getX(), e.getY());
        if (node >= 0) {
            hover(-1, null);
            menu.showFor(node, canvas, e.getScreenX(), e.getScreenY());
        }
        e.consume();
    }

    private void onMouseClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        canvas.requestFocus();
        int node = nodeAt(e.getX(), e.getY());
        if (node >= 0) {
            model.zoomTo(node);
        }
    }

    private void hover(int node, MouseEvent e) {
        if (node != hovered) {
            hovered = node;
            markDirty();
        }
        if (node < 0 || e == null) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.show(model.tree(), node, model.unit(), nodeNotes == null ? null : nodeNotes.apply(node));
        tooltip.autosize();
        double x = e.getX() + 14;
        double y = e.getY() + 18;
        if (x + tooltip.getWidth() > getWidth()) {
            x = Math.max(0, e.getX() - 14 - tooltip.getWidth());
        }
        if (y + tooltip.getHeight() > getHeight()) {
            y = Math.max(0, e.getY() - 10 - tooltip.getHeight());
        }
        tooltip.relocate(snapPositionX(x), snapPositionY(y));
    }

    /** Paints every visible box: background, fills by colour, labels, then the hover outline. */
    private void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        ThemeColors theme = ActiveTheme.colors();
        gc.setFill(colors.color(theme.background()));
        gc.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        FlameSnapshot s = model.snapshot();
        FlameRows r = currentRows();
        FlameLayout l = r.layout();
        int firstRow = Math.max(0, (int) (offset / ROW_HEIGHT));
        int lastRow = Math.min(r.rows() - 1, (int) ((offset + h) / ROW_HEIGHT));
        int n = collectVisible(s, r, firstRow, lastRow);
        fillBoxes(gc, l, n);
        drawLabels(gc, s, l, n, theme);
        if (hovered >= 0) {
            int box = l.boxOf(hovered);
            if (box >= 0) {
                double x0 = snapPositionX(l.x(box));
                double x1 = snapPositionX(l.x(box) + l.width(box));
                double y = snapPositionY(rowY(l.row(box)));
                gc.setStroke(colors.color(theme.outline()));
                gc.setLineWidth(1.5);
                gc.strokeRect(x0 + 0.75, y + 0.75, Math.max(1, x1 - x0 - 1.5 - gap()), ROW_HEIGHT - 1.5 - gap());
            }
        }
    }

    /** Puts (colour, box) keys of the visible boxes into {@code scratch}, sorted by colour; returns how many. */
    private int collectVisible(FlameSnapshot s, FlameRows r, int firstRow, int lastRow) {
        FlameLayout l = r.layout();
        int n = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int i = r.from(row); i < r.to(row); i++) {
                int box = r.box(i);
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, n * 2);
                }
                scratch[n++] = ((long) fillOf(s, l, box) << 32) | box;
            }
        }
        Arrays.sort(scratch, 0, n);
        return n;
    }

    private int fillOf(FlameSnapshot s, FlameLayout l, int box) {
        int node = l.node(box);
        if (s.matched(node)) {
            return FramePalette.matchColor();
        }
        int rgb = nodeColors != null ? nodeColors.applyAsInt(node) : colors.rgb(s.tree(), node);
        return faded(s, l, box) ? FrameColors.blend(rgb, ActiveTheme.colors().fadedFrame(), 0.7) : rgb;
    }

    /**
     * Ancestors of the zoomed node, and non-matches while searching, are drawn washed out; a search match never
     * is (it is filled with the match colour, so its label must read as on any full-colour box).
     */
    private static boolean faded(FlameSnapshot s, FlameLayout l, int box) {
        boolean matched = s.matched(l.node(box));
        return !matched && (l.isAncestor(box) || s.search() != null);
    }

    private double gap() {
        return 1 / Math.max(1, getScene() == null || getScene().getWindow() == null
                ? 1 : getScene().getWindow().getRenderScaleX());
    }

    private void fillBoxes(GraphicsContext gc, FlameLayout l, int n) {
        double gap = gap();
        int current = -1;
        for (int i = 0; i < n; i++) {
            int rgb = (int) (scratch[i] >>> 32);
            int box = (int) scratch[i];
            if (rgb != current) {
                gc.setFill(colors.color(rgb));
                current = rgb;
            }
            double x0 = snapPositionX(l.x(box));
            double x1 = snapPositionX(l.x(box) + l.width(box));
            double bw = x1 - x0 > 2 * gap ? x1 - x0 - gap : Math.max(gap, x1 - x0);
            gc.fillRect(x0, snapPositionY(rowY(l.row(box))), bw, ROW_HEIGHT - gap);
        }
    }

    /** Labels in two passes (normal, then faded) so the text colour changes once. */
    private void drawLabels(GraphicsContext gc, FlameSnapshot s, FlameLayout l, int n, ThemeColors theme) {
        gc.setFont(font);
        gc.setFontSmoothingType(FontSmoothingType.GRAY);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        for (int pass = 0; pass < 2; pass++) {
            boolean fadedPass = pass == 1;
            gc.setFill(fadedPass ? colors.color(theme.fadedText()) : FRAME_TEXT);
            for (int i = 0; i < n; i++) {
                int box = (int) scratch[i];
                if (l.width(box) < MIN_LABEL_WIDTH || faded(s, l, box) != fadedPass) {
                    continue;
                }
                String label = fitter.fit(labelOf(s.tree(), l.node(box)), l.width(box) - 2 * LABEL_PAD);
                if (label != null) {
                    double x = snapPositionX(l.x(box)) + LABEL_PAD;
                    gc.fillText(label, x, snapPositionY(rowY(l.row(box))) + (ROW_HEIGHT - gap()) / 2);
                }
            }
        }
    }

    private String labelOf(CallTree tree, int node) {
        if (node == CallTree.ROOT) {
            return "all  (" + WeightFormat.format(tree.total(CallTree.ROOT), tree.input().unit()) + ")";
        }
        return tree.name(node);
    }
}
