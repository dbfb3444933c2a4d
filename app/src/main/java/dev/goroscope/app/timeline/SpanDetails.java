package dev.goroscope.app.timeline;

import dev.goroscope.app.source.FrameLinkCell;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StatePalette;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The side panel for the selected interval: lane, state and reason, start, duration, who unblocked a wait, the
 * stack where the goroutine entered that state (blocking stack) with each frame's file:line as a link to the
 * source pane, and jumps: from a P or M interval to the goroutine it ran, from a goroutine to the goroutine that
 * created it, from a wait to the goroutine that unblocked it.
 */
public final class SpanDetails extends VBox {
    private final TimelineData data;
    private final Label title = new Label("Click an interval to see its details");
    private final Rectangle swatch = new Rectangle(12, 12);
    private final Label state = new Label();
    private final Label times = new Label();
    private final Label stackTitle = new Label();
    private final Hyperlink unblockedBy = new Hyperlink();
    private final ListView<Integer> frames = new ListView<>();
    private final Button toGoroutine = new Button("Go to goroutine");
    private final Button toCreator = new Button("Go to creator");
    private final Button zoom = new Button("Zoom to interval");
    private final BiConsumer<SpanRef, Long> jump;
    private final IntConsumer openFrame;
    private SpanRef shown;

    /**
     * @param jump      selects an interval and brings a time into view
     * @param zoomTo    zooms the view to an interval
     * @param openFrame shows a frame (an id in the timeline's frame table) in the source pane
     */
    public SpanDetails(TimelineData data, BiConsumer<SpanRef, Long> jump, Consumer<SpanRef> zoomTo,
            IntConsumer openFrame) {
        this.data = data;
        this.jump = jump;
        this.openFrame = openFrame;
        setId("span-details");
        getStyleClass().add("span-details");
        setSpacing(6);
        setPadding(new Insets(8));
        title.setId("span-title");
        title.getStyleClass().add("span-title");
        title.setWrapText(true);
        state.setId("span-state");
        state.setWrapText(true);
        times.setId("span-times");
        stackTitle.getStyleClass().add("muted");
        frames.setId("span-stack");
        frames.getStyleClass().add("stack-list");
        frames.setCellFactory(v -> FrameLinkCell.ofFrames(() -> data.timeline().stacks().frames(),
                link -> openFrame.accept(link.frame())));
        unblockedBy.setId("unblocked-by");
        unblockedBy.setWrapText(true);
        unblockedBy.setOnAction(e -> jumpToUnblocker());
        VBox.setVgrow(frames, Priority.ALWAYS);
        toGoroutine.setId("jump-goroutine");
        toCreator.setId("jump-creator");
        zoom.setId("zoom-span");
        for (Button b : List.of(toGoroutine, toCreator, zoom)) {
            b.getStyleClass().add("small-button");
        }
        toGoroutine.setOnAction(e -> jumpToGoroutine());
        toCreator.setOnAction(e -> jumpToCreator());
        zoom.setOnAction(e -> {
            if (shown != null) {
                zoomTo.accept(shown);
            }
        });
        HBox stateRow = new HBox(6, swatch, state);
        HBox buttons = new HBox(4, zoom, toGoroutine, toCreator);
        getChildren().addAll(title, stateRow, times, unblockedBy, buttons, stackTitle, frames);
        setMinWidth(220);
        show(null);
    }

    /** The text of the state line, e.g. "waiting: chan (chan receive)" or "running G12". */
    static String stateText(TimelineData data, SpanRef s) {
        StateLane lane = s.stateLane(data);
        int i = s.span();
        Timeline t = data.timeline();
        if (s.lane() != LaneRows.Kind.GOROUTINE) {
            int g = lane.detail(i);
            String st = lane.state(i).label();
            return g < 0 ? st : st + " G" + t.goroutines().id(g);
        }
        int kind = data.goroutineKind(s.index(), i);
        int reason = lane.detail(i);
        String r = reason >= 0 ? t.strings().get(reason) : "";
        return r.isEmpty() ? SpanKind.label(kind) : SpanKind.label(kind) + " (" + r + ")";
    }

    public void show(SpanRef s) {
        shown = s;
        boolean has = s != null;
        swatch.setVisible(has);
        toGoroutine.setVisible(has && s.lane() != LaneRows.Kind.GOROUTINE && s.stateLane(data).detail(s.span()) >= 0);
        toGoroutine.setManaged(toGoroutine.isVisible());
        toCreator.setVisible(has && s.lane() == LaneRows.Kind.GOROUTINE && creator(s) >= 0);
        toCreator.setManaged(toCreator.isVisible());
        zoom.setVisible(has);
        showUnblocker(s);
        if (!has) {
            title.setText("Click an interval to see its details");
            state.setText("");
            times.setText("");
            stackTitle.setText("");
            frames.getItems().clear();
            return;
        }
        Timeline t = data.timeline();
        StateLane lane = s.stateLane(data);
        int i = s.span();
        int kind = s.lane() == LaneRows.Kind.GOROUTINE ? data.goroutineKind(s.index(), i)
                : SpanKind.ofState(lane.stateOrdinal(i));
        int rgb = StatePalette.color(kind);
        swatch.setFill(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        title.setText(switch (s.lane()) {
            case PROC -> "Processor P" + t.procId(s.index());
            case THREAD -> "Thread M" + t.threadId(s.index());
            default -> "Goroutine " + t.goroutines().id(s.index()) + "  " + data.groupName(s.index());
        });
        state.setText(stateText(data, s));
        times.setText("Start " + TimeTicks.duration(lane.start(i) - t.startNs()) + "    Duration "
                + TimeTicks.duration(lane.end(i) - lane.start(i)));
        int stack = s.lane() == LaneRows.Kind.GOROUTINE ? lane.stack(i) : StackTable.EMPTY;
        List<Integer> items = new ArrayList<>();
        if (stack != StackTable.EMPTY) {
            stackTitle.setText(kind >= SpanKind.CHAN || kind == SpanKind.SYSCALL ? "Blocking stack" : "Stack at the event");
            appendFrames(t, stack, items);
        } else if (s.lane() == LaneRows.Kind.GOROUTINE && t.goroutines().startStack(s.index()) != StackTable.EMPTY) {
            stackTitle.setText("No stack at this event; the goroutine's start:");
            appendFrames(t, t.goroutines().startStack(s.index()), items);
        } else {
            stackTitle.setText(s.lane() == LaneRows.Kind.GOROUTINE ? "No stack recorded" : "");
        }
        frames.getItems().setAll(items);
    }

    private static void appendFrames(Timeline t, int stack, List<Integer> items) {
        for (int s = stack; s != StackTable.EMPTY; s = t.stacks().parent(s)) {
            items.add(t.stacks().frame(s));
        }
    }

    /** "unblocked by G12 (main.worker) at 1.2 ms" under a wait that another goroutine or the runtime ended. */
    private void showUnblocker(SpanRef s) {
        int by = s == null || s.lane() != LaneRows.Kind.GOROUTINE ? StateLane.NO_CAUSE
                : data.timeline().goroutines().unblockerOf(s.index(), s.span());
        unblockedBy.setVisible(by != StateLane.NO_CAUSE);
        unblockedBy.setManaged(unblockedBy.isVisible());
        if (by == StateLane.NO_CAUSE) {
            return;
        }
        Timeline t = data.timeline();
        String at = " at " + TimeTicks.duration(s.end(data) - t.startNs());
        unblockedBy.setDisable(by == StateLane.BY_RUNTIME);
        unblockedBy.setText(by == StateLane.BY_RUNTIME ? "unblocked by " + runtimeWaker(s) + at
                : "unblocked by G" + t.goroutines().id(by) + " (" + LaneRows.shortName(data.groupName(by)) + ")" + at);
    }

    /** What in the runtime ends a wait no goroutine ended, judged by the wait's kind. */
    private String runtimeWaker(SpanRef s) {
        return switch (data.goroutineKind(s.index(), s.span())) {
            case SpanKind.IO -> "the netpoller";
            case SpanKind.SLEEP, SpanKind.SELECT -> "the runtime (a timer or the scheduler)";
            default -> "the runtime (no goroutine)";
        };
    }

    private void jumpToUnblocker() {
        int by = data.timeline().goroutines().unblockerOf(shown.index(), shown.span());
        jumpTo(by, shown.end(data));
    }

    private int creator(SpanRef s) {
        Goroutines gs = data.timeline().goroutines();
        long c = gs.creatorId(s.index());
        return c == Goroutines.UNKNOWN || c == 0 ? -1 : gs.indexOf(c);
    }

    private void jumpToGoroutine() {
        int g = shown.stateLane(data).detail(shown.span());
        long t = shown.start(data);
        jumpTo(g, t);
    }

    private void jumpToCreator() {
        int c = creator(shown);
        jumpTo(c, data.timeline().goroutines().createdNs(shown.index()));
    }

    private void jumpTo(int g, long t) {
        if (g < 0) {
            return;
        }
        StateLane lane = data.timeline().goroutines().lane(g);
        int i = Math.max(0, Math.min(lane.size() - 1, lane.firstEndingAfter(t)));
        if (lane.size() > 0) {
            jump.accept(new SpanRef(LaneRows.Kind.GOROUTINE, g, i), t);
        }
    }
}
