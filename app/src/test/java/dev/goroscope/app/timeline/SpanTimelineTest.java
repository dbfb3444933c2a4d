package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.workspace.DocumentTab;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.Timeline;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real Chrome trace (written by Go 1.19's {@code go tool trace}, see chrome/NOTICE.md) opened in the main window:
 * its thread lanes with nested named spans above the flame graph of their self times.
 */
@ExtendWith(ApplicationExtension.class)
class SpanTimelineTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aChromeTraceOpensIntoThreadLanesOfNamedSpansBesideItsFlameGraph(FxRobot robot) throws Exception {
        open();
        DocumentTab tab = window.currentTab().orElseThrow();
        Timeline timeline = tab.dataset().timeline();
        SpanTimelinePane pane = tab.spanTimeline().orElseThrow();
        assertThat(pane.isVisible()).isTrue();
        assertThat(tab.model().orElseThrow().tree().total(CallTree.ROOT)).isEqualTo(busiest(tab).total(0));
        assertThat(robot.lookup("#span-summary").queryAs(Label.class).getText()).startsWith("11 threads · 1160 spans · ");

        TimelineCanvas canvas = pane.canvas();
        LaneRows rows = new LaneRows(new TimelineData(timeline));
        List<String> labels = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            labels.add(rows.label(r));
        }
        assertThat(labels).startsWith("Threads (11)", "PROCS (pid 0), GC (tid 1000004)", "PROCS (pid 0), Proc 0 (tid 0)");

        // Hover the longest outermost span of Proc 0: the card names it and gives its duration.
        SpanLane proc0 = timeline.spanLanes().get(1);
        int longest = 0;
        for (int i = 1; i < proc0.size(0); i++) {
            if (proc0.end(0, i) - proc0.start(0, i) > proc0.end(0, longest) - proc0.start(0, longest)) {
                longest = i;
            }
        }
        long mid = (proc0.start(0, longest) + proc0.end(0, longest)) / 2;
        double x = TimelineRenderer.GUTTER + canvas.viewport().x(mid);
        double y = TimelineRenderer.HEADER + rows.top(2) + 2 + LaneRows.SPAN_DEPTH_HEIGHT / 2;
        Point2D screen = onFx(() -> canvas.localToScreen(x, y));
        robot.moveTo(screen);
        Label card = robot.lookup("#timeline-card").queryAs(Label.class);
        String name = timeline.strings().get(proc0.nameId(0, longest));
        assertThat(card.isVisible()).isTrue();
        assertThat(card.getText()).startsWith(name + "\nPROCS (pid 0), Proc 0 (tid 0)\nstart ")
                .endsWith("duration " + TimeTicks.duration(proc0.end(0, longest) - proc0.start(0, longest)));

        // The span is drawn in its name's flame graph colour (read above its label).
        double boxTop = TimelineRenderer.HEADER + rows.top(2) + 2;
        int rgb = onFx(() -> {
            WritableImage img = canvas.snapshot(null, null);
            PixelReader px = img.getPixelReader();
            return px.getArgb((int) x, (int) boxTop + 1) & 0xFFFFFF;
        });
        assertThat(rgb).isEqualTo(dev.goroscope.model.flame.FramePalette.colorOf(name));
    }

    @Test
    void goOneTwentySixToolTraceJsonShowsOneLanePerPAndGc(FxRobot robot) throws Exception {
        open("/chrome/go1.26-trace.json.gz");
        DocumentTab tab = window.currentTab().orElseThrow();
        Timeline timeline = tab.dataset().timeline();
        assertThat(timeline.spanLanes()).extracting(SpanLane::name).containsExactly("PROCS (pid 0), GC (tid 1000004)",
                "PROCS (pid 0), Proc 0 (tid 0)", "PROCS (pid 0), Proc 1 (tid 1)");
        assertThat(timeline.spanLanes()).extracting(SpanLane::size).containsExactly(2, 440, 392);
        assertThat(robot.lookup("#span-summary").queryAs(Label.class).getText()).startsWith("3 threads · 834 spans · ");
        assertThat(tab.spanTimeline().orElseThrow().isVisible()).isTrue();

        TimelineCanvas canvas = tab.spanTimeline().orElseThrow().canvas();
        TimeViewport v = canvas.viewport();
        onFx(() -> {
            canvas.zoom(0.25);
            return null;
        });
        assertThat(v.endNs() - v.startNs()).isLessThan(timeline.durationNs() / 2.0);
        robot.clickOn("#span-fit");
        assertThat(v.startNs()).isEqualTo((double) timeline.startNs());
        assertThat(v.endNs()).isEqualTo((double) timeline.endNs());
    }

    @Test
    void theFlameGraphStartsOnTheBusiestThreadAndShowsTheSpanTimeOfADraggedRange(FxRobot robot) throws Exception {
        open("/chrome/go1.26-trace.json.gz");
        DocumentTab tab = window.currentTab().orElseThrow();
        Timeline timeline = tab.dataset().timeline();
        Profile busiest = busiest(tab);
        assertThat(busiest.name()).isEqualTo("PROCS (pid 0), Proc 0 (tid 0)");
        assertThat(robot.lookup("#source-chooser").queryComboBox().getValue().toString()).startsWith(busiest.name());
        long whole = busiest.total(0);
        assertThat(flameTotal(tab)).isEqualTo(whole);
        Label range = robot.lookup("#span-range").queryAs(Label.class);
        assertThat(range.getText()).startsWith("Whole trace");

        // Drag on the ruler across the middle of the trace.
        TimelineCanvas canvas = tab.spanTimeline().orElseThrow().canvas();
        double rulerY = TimelineRenderer.OVERVIEW_HEIGHT + TimelineRenderer.RULER_HEIGHT / 2;
        double width = canvas.viewport().width();
        Point2D from = onFx(() -> canvas.localToScreen(TimelineRenderer.GUTTER + width * 0.3, rulerY));
        Point2D to = onFx(() -> canvas.localToScreen(TimelineRenderer.GUTTER + width * 0.6, rulerY));
        robot.drag(from).moveTo(to).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        long a = canvas.selectionFrom();
        long b = canvas.selectionTo();
        assertThat(a).isGreaterThan(timeline.startNs());
        assertThat(b).isLessThan(timeline.endNs());

        // The thread's self time in the range is the time of its outermost spans clipped to it.
        SpanLane lane = timeline.spanLanes().stream().filter(l -> l.name().equals(busiest.name())).findFirst()
                .orElseThrow();
        long clipped = 0;
        for (int i = 0; i < lane.size(0); i++) {
            clipped += Math.max(0, Math.min(lane.end(0, i), b) - Math.max(lane.start(0, i), a));
        }
        assertThat(clipped).isPositive().isLessThan(whole);
        assertThat(flameTotal(tab)).isEqualTo(clipped);
        assertThat(range.getText()).isEqualTo(TimeTicks.range(a, b, timeline.startNs())).startsWith("Range ");

        // A click on the ruler clears the range: the whole thread again.
        robot.clickOn(from);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flameTotal(tab)).isEqualTo(whole);
        assertThat(range.getText()).startsWith("Whole trace");
    }

    @Test
    void theSpanTimelineExportsWhatItShowsAsSvgAndPng(FxRobot robot, @TempDir Path dir) throws Exception {
        open("/chrome/go1.26-trace.json.gz");
        DocumentTab tab = window.currentTab().orElseThrow();
        Timeline timeline = tab.dataset().timeline();
        SpanTimelinePane pane = tab.spanTimeline().orElseThrow();
        assertThat(robot.lookup("#span-timeline #export-svg").tryQuery()).isPresent();
        assertThat(robot.lookup("#span-timeline #export-png").tryQuery()).isPresent();

        Path svg = dir.resolve("spans.svg");
        robot.interact(() -> pane.export().svg(svg));
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg").contains("Proc 0");
        // The longest outermost span of Proc 0 is drawn in its name's colour.
        SpanLane proc0 = timeline.spanLanes().get(1);
        int longest = 0;
        for (int i = 1; i < proc0.size(0); i++) {
            if (proc0.end(0, i) - proc0.start(0, i) > proc0.end(0, longest) - proc0.start(0, longest)) {
                longest = i;
            }
        }
        int rgb = dev.goroscope.model.flame.FramePalette.colorOf(timeline.strings().get(proc0.nameId(0, longest)));
        assertThat(text).contains(String.format("fill=\"#%06x\"", rgb & 0xFFFFFF));

        Path png = dir.resolve("spans.png");
        robot.interact(() -> pane.export().png(png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) pane.canvas().getWidth());
        assertThat(image.getHeight()).isEqualTo((int) pane.canvas().getHeight());
    }

    private static long flameTotal(DocumentTab tab) {
        return onFx(() -> tab.model().orElseThrow().tree().total(CallTree.ROOT));
    }

    private static Profile busiest(DocumentTab tab) {
        return tab.dataset().profiles().stream().max(java.util.Comparator.comparingLong(p -> p.total(0)))
                .orElseThrow();
    }

    private void open() throws URISyntaxException {
        open("/chrome/test-encoding-json.json.gz");
    }

    private void open(String resource) throws URISyntaxException {
        Path file = Path.of(getClass().getResource(resource).toURI());
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.errorMessage()).isEmpty();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
