package dev.goroscope.app.timeline;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The timeline of a trace of named spans (Chrome trace JSON): one lane per thread, named by its metadata, with its
 * spans nested by depth, on the same canvas, navigation, range selection, hover card and SVG/PNG export as an
 * execution trace's timeline.
 */
public final class SpanTimelinePane extends BorderPane {
    private final TimelineCanvas canvas;
    private final TimelineExport export;

    public SpanTimelinePane(Timeline timeline, TaskRunner runner, Consumer<String> status) {
        TimelineData data = new TimelineData(timeline);
        this.canvas = new TimelineCanvas(data, new LaneRows(data), runner);
        this.export = new TimelineExport(canvas, status);
        setId("span-timeline");
        getStyleClass().add("timeline-pane");
        getStylesheets().add(SpanTimelinePane.class.getResource("/dev/goroscope/app/timeline.css").toExternalForm());
        long spans = timeline.spanLanes().stream().mapToLong(SpanLane::size).sum();
        Label summary = new Label(timeline.spanLanes().size() + " threads · " + spans + " spans · "
                + TimeTicks.duration(timeline.durationNs()));
        summary.setId("span-summary");
        Button fit = new Button("Fit");
        fit.setId("span-fit");
        fit.setTooltip(new Tooltip("Show the whole trace (Home)"));
        fit.setOnAction(e -> canvas.fit());
        Label hint = new Label("Wheel zooms, drag pans, drag on the ruler selects a range, hover a span for its times");
        hint.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, fit, summary, hint, spacer, new Label("Export"));
        for (Button b : export.buttons()) {
            b.getStyleClass().add("small-button");
            bar.getChildren().add(b);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("timeline-toolbar");
        setTop(bar);
        setCenter(canvas);
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    /** Writes the visible span timeline to files, as the toolbar's SVG and PNG buttons do. */
    public TimelineExport export() {
        return export;
    }
}
