package dev.goroscope.app.timeline;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StatePalette;
import dev.goroscope.model.timeline.Timeline;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The timeline view of an execution trace: a toolbar (lane filters, grouping, search highlight, navigation
 * undo/redo, fit, export), the state legend, the timeline canvas with the details of the selected interval beside it, and below the flame graph and
 * statistics of the selected range.
 */
public final class TimelinePane extends BorderPane {
    private static final String ANY_STATE = "Any state";

    private final TimelineData data;
    private final LaneRows rows;
    private final TimelineCanvas canvas;
    private final SpanDetails details;
    private final RangePane range;
    private final TextField filter = new TextField();
    private final ComboBox<String> state = new ComboBox<>();
    private final TextField minBlocked = new TextField();
    private final CheckBox unfinished = new CheckBox("Never finished");
    private final Label shown = new Label();
    private final TextField search = new TextField();
    private final Label matches = new Label();
    private final ComboBox<LaneGrouping> grouping = new ComboBox<>();
    private final Button undo = new Button("◀");
    private final Button redo = new Button("▶");
    private final TimelineExport export;

    public TimelinePane(Timeline timeline, TaskRunner runner, Consumer<String> status) {
        this.data = new TimelineData(timeline);
        this.rows = new LaneRows(data);
        this.canvas = new TimelineCanvas(data, rows, runner);
        this.export = new TimelineExport(canvas, status);
        this.range = new RangePane(data, runner, status);
        this.details = new SpanDetails(data, canvas::jumpTo, canvas::zoomTo, range::showFrame);
        setId("timeline-pane");
        getStyleClass().add("timeline-pane");
        getStylesheets().add(TimelinePane.class.getResource("/dev/goroscope/app/timeline.css").toExternalForm());
        canvas.setOnSelect(details::show);
        canvas.setOnRange(() -> range.setRange(canvas.selectionFrom(), canvas.selectionTo()));
        canvas.setOnView(this::syncButtons);

        VBox top = new VBox(toolbar(), searchBar(), legend());
        setTop(top);
        SplitPane upper = new SplitPane(canvas, details);
        upper.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(details, false);
        SplitPane main = new SplitPane(upper, range);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.74);
        setCenter(main);
        syncButtons();
        updateShown();
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    public SpanDetails details() {
        return details;
    }

    public RangePane range() {
        return range;
    }

    public LaneRows rows() {
        return rows;
    }

    public TimelineData data() {
        return data;
    }

    /** Writes the visible timeline to files, as the toolbar's SVG and PNG buttons do. */
    public TimelineExport export() {
        return export;
    }

    private HBox toolbar() {
        filter.setId("lane-filter");
        filter.setPromptText("Filter: function or goroutine id");
        filter.setPrefColumnCount(20);
        filter.textProperty().addListener((o, a, b) -> applyFilter());
        state.setId("state-filter");
        state.getItems().add(ANY_STATE);
        for (int k = 0; k < SpanKind.COUNT; k++) {
            state.getItems().add(SpanKind.label(k));
        }
        state.getSelectionModel().select(0);
        state.setTooltip(new Tooltip("Only goroutines that spent time in this state"));
        state.valueProperty().addListener((o, a, b) -> applyFilter());
        minBlocked.setId("min-blocked");
        minBlocked.setPromptText("min blocked ms");
        minBlocked.setPrefColumnCount(7);
        minBlocked.setTooltip(new Tooltip("Only goroutines that waited at least this many milliseconds in total"));
        minBlocked.textProperty().addListener((o, a, b) -> applyFilter());
        unfinished.setId("unfinished-filter");
        unfinished.setTooltip(new Tooltip("Only goroutines still alive when the trace ended (leak hunting)"));
        unfinished.setOnAction(e -> applyFilter());
        shown.getStyleClass().add("muted");

        undo.setId("nav-undo");
        redo.setId("nav-redo");
        undo.setTooltip(new Tooltip("Back to the previous view (Ctrl+Z)"));
        redo.setTooltip(new Tooltip("Forward (Ctrl+Shift+Z)"));
        undo.setOnAction(e -> canvas.undo());
        redo.setOnAction(e -> canvas.redo());
        Button fit = new Button("Fit");
        fit.setId("nav-fit");
        fit.setTooltip(new Tooltip("Show the whole trace (Home)"));
        fit.setOnAction(e -> canvas.fit());
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in (W, mouse wheel)"));
        zoomIn.setOnAction(e -> canvas.zoom(0.5));
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Zoom out (S, mouse wheel)"));
        zoomOut.setOnAction(e -> canvas.zoom(2));
        for (Button b : new Button[] {undo, redo, fit, zoomIn, zoomOut}) {
            b.getStyleClass().add("small-button");
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, filter, state, minBlocked, unfinished, shown, spacer, undo, redo, zoomIn, zoomOut, fit,
                new Label("Export"));
        for (Button b : export.buttons()) {
            b.getStyleClass().add("small-button");
            bar.getChildren().add(b);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("timeline-toolbar");
        return bar;
    }

    private HBox searchBar() {
        search.setId("span-search");
        search.setPromptText("Highlight: function in a goroutine's stacks");
        search.setPrefColumnCount(24);
        search.setTooltip(new Tooltip("Fades the goroutines whose start, creation and stacks do not name this function"
                + " and marks the intervals whose own stack does"));
        search.textProperty().addListener((o, a, b) -> applySearch());
        matches.setId("search-count");
        matches.getStyleClass().add("muted");
        grouping.setId("group-by");
        grouping.getItems().setAll(LaneGrouping.values());
        grouping.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LaneGrouping g) {
                return g == null ? "" : "Group by " + g.label();
            }

            @Override
            public LaneGrouping fromString(String s) {
                return null;
            }
        });
        grouping.setValue(rows.grouping());
        grouping.setTooltip(new Tooltip("How goroutine lanes are grouped under foldable headers"));
        grouping.valueProperty().addListener((o, a, b) -> {
            rows.setGrouping(b);
            canvas.rowsChanged();
        });
        HBox bar = new HBox(6, grouping, search, matches);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("timeline-toolbar");
        return bar;
    }

    private void applySearch() {
        SpanSearch s = SpanSearch.of(data, search.getText());
        canvas.renderer().setSearch(s);
        matches.setText(s.active() ? s.matchingLanes() + " goroutines, " + s.matchingSpans() + " intervals match" : "");
        canvas.markDirty();
    }

    private FlowPane legend() {
        FlowPane legend = new FlowPane(12, 2);
        legend.setId("timeline-legend");
        legend.getStyleClass().add("timeline-legend");
        for (int k = 0; k < SpanKind.COUNT; k++) {
            legend.getChildren().add(swatch(StatePalette.color(k), SpanKind.label(k)));
        }
        legend.getChildren().add(swatch(StatePalette.GC, "GC"));
        legend.getChildren().add(swatch(StatePalette.STW, "stop the world"));
        Label merged = new Label("▔ merged: stacked mix of tiny intervals");
        merged.getStyleClass().add("muted");
        legend.getChildren().add(merged);
        return legend;
    }

    private static HBox swatch(int rgb, String text) {
        Rectangle r = new Rectangle(11, 11, Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        HBox box = new HBox(4, r, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void applyFilter() {
        String s = state.getValue();
        int kind = s == null || ANY_STATE.equals(s) ? -1 : state.getItems().indexOf(s) - 1;
        long minNs = 0;
        String m = minBlocked.getText().strip();
        if (!m.isEmpty()) {
            try {
                minNs = (long) (Double.parseDouble(m) * 1e6);
                minBlocked.getStyleClass().remove("error");
            } catch (NumberFormatException e) {
                if (!minBlocked.getStyleClass().contains("error")) {
                    minBlocked.getStyleClass().add("error");
                }
            }
        }
        rows.setFilter(new LaneFilter(filter.getText(), kind, minNs, unfinished.isSelected()));
        canvas.rowsChanged();
        updateShown();
    }

    private void updateShown() {
        shown.setText(rows.shownGoroutines() + " of " + data.timeline().goroutines().size() + " goroutines");
    }

    private void syncButtons() {
        undo.setDisable(!canvas.viewport().canUndo());
        redo.setDisable(!canvas.viewport().canRedo());
    }
}
