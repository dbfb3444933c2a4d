package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.theme.ThemeColors;
import dev.goroscope.app.workspace.DocumentTab;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.timeline.GroupSummary;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The timeline of a real Go 1.26 trace (see traces/NOTICE.md), opened in the main window on Monocle headless. */
@ExtendWith(ApplicationExtension.class)
class TimelinePaneTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws URISyntaxException {
        window = TestWindows.shown(stage, 1200, 800);
        window.open(Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private TimelinePane pane() {
        DocumentTab tab = window.currentTab().orElseThrow();
        return (TimelinePane) tab.getContent();
    }

    /** The goroutine whose longest interval is a wait of at least a tenth of the trace, and that interval. */
    private static int[] longWait(Timeline t) {
        for (int g = 0; g < t.goroutines().size(); g++) {
            StateLane lane = t.goroutines().lane(g);
            for (int i = 0; i < lane.size(); i++) {
                if (lane.state(i).label().equals("waiting") && lane.end(i) - lane.start(i) > t.durationNs() / 10
                        && lane.stack(i) >= 0) {
                    return new int[] {g, i};
                }
            }
        }
        throw new AssertionError("no long wait in the trace");
    }

    private Point2D screenPoint(TimelinePane p, LaneRows.Kind kind, int index, long timeNs) {
        TimelineCanvas c = p.canvas();
        LaneRows rows = p.rows();
        int row = -1;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.kind(r) == kind && rows.index(r) == index) {
                row = r;
            }
        }
        assertThat(row).as("lane shown").isNotNegative();
        double x = TimelineRenderer.GUTTER + c.viewport().x(timeNs);
        double y = TimelineRenderer.HEADER + rows.top(row) - c.viewport().scrollY() + rows.height(row) / 2;
        return c.localToScreen(x, y);
    }

    @Test
    void zoomingThenClickingAWaitShowsItsStateTimesAndBlockingStack(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        int[] wait = longWait(t);
        StateLane lane = t.goroutines().lane(wait[0]);
        long mid = (lane.start(wait[1]) + lane.end(wait[1])) / 2;
        double before = p.canvas().viewport().nsPerPx();
        robot.interact(() -> {
            p.canvas().zoom(0.5);
        });
        assertThat(p.canvas().viewport().nsPerPx()).isLessThan(before);
        robot.interact(() -> p.canvas().viewport().showRange(mid - t.durationNs() / 20.0, mid + t.durationNs() / 20.0));
        robot.interact(() -> p.canvas().reveal(new SpanRef(LaneRows.Kind.GOROUTINE, wait[0], wait[1])));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(screenPoint(p, LaneRows.Kind.GOROUTINE, wait[0], mid));
        WaitForAsyncUtils.waitForFxEvents();

        Label title = robot.lookup("#span-title").queryAs(Label.class);
        Label state = robot.lookup("#span-state").queryAs(Label.class);
        Label times = robot.lookup("#span-times").queryAs(Label.class);
        ListView<?> stack = robot.lookup("#span-stack").queryAs(ListView.class);
        assertThat(title.getText()).startsWith("Goroutine " + t.goroutines().id(wait[0]) + " ");
        String reason = t.strings().get(lane.detail(wait[1]));
        assertThat(state.getText()).startsWith("waiting").contains("(" + reason + ")");
        assertThat(times.getText()).contains("Duration " + TimeTicks.duration(lane.end(wait[1]) - lane.start(wait[1])));
        assertThat(stack.getItems()).isNotEmpty();
        int top = (Integer) stack.getItems().get(0);
        assertThat(t.stacks().frames().fileName(top)).endsWith(".go");
        assertThat(robot.lookup("#span-stack .frame-link").queryAs(Hyperlink.class).getText().strip())
                .isEqualTo(t.stacks().frames().fileName(top) + ":" + t.stacks().frames().line(top));
    }

    @Test
    void undoReturnsToThePreviousViewAndHomeFits(FxRobot robot) {
        TimelinePane p = pane();
        TimeViewport vp = p.canvas().viewport();
        TimeViewport.View whole = vp.view();
        robot.interact(() -> p.canvas().zoom(0.25));
        TimeViewport.View zoomed = vp.view();
        assertThat(zoomed.nsPerPx()).isLessThan(whole.nsPerPx());
        robot.interact(() -> p.canvas().undo());
        assertThat(vp.view()).isEqualTo(whole);
        robot.interact(() -> p.canvas().redo());
        assertThat(vp.view()).isEqualTo(zoomed);
    }

    @Test
    void draggingOnTheRulerSelectsARangeForTheFlameGraphAndStatistics(FxRobot robot) {
        TimelinePane p = pane();
        TimelineCanvas c = p.canvas();
        double y = TimelineRenderer.OVERVIEW_HEIGHT + 10;
        Point2D a = c.localToScreen(TimelineRenderer.GUTTER + 100, y);
        Point2D b = c.localToScreen(TimelineRenderer.GUTTER + 400, y);
        robot.drag(a).dropTo(b);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.selectionTo()).isGreaterThan(c.selectionFrom());
        Label range = robot.lookup("#range-label").queryAs(Label.class);
        assertThat(range.getText()).startsWith("Range ");
        RangeStats stats = p.range().stats();
        assertThat(stats.rows()).isNotEmpty();
        long total = stats.rows().stream().mapToLong(RangeStats.Row::total).sum();
        assertThat(total).isPositive();
        assertThat(stats.toCsv()).startsWith("group,goroutines,idle ns,runnable ns,running ns");
    }

    @Test
    void neverFinishedFilterKeepsOnlyGoroutinesAliveAtTheEnd(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = window.currentTab().orElseThrow().dataset().timeline();
        int before = p.rows().shownGoroutines();
        robot.clickOn("#unfinished-filter");
        int alive = 0;
        for (int g = 0; g < t.goroutines().size(); g++) {
            if (t.goroutines().endedNs(g) == dev.goroscope.model.timeline.Goroutines.UNKNOWN
                    && t.goroutines().lane(g).size() > 0) {
                alive++;
            }
        }
        assertThat(p.rows().shownGoroutines()).isEqualTo(alive).isLessThanOrEqualTo(before);
        robot.clickOn("#unfinished-filter");
        long id = t.goroutines().id(longWait(t)[0]);
        robot.clickOn("#lane-filter").write("G" + id);
        assertThat(p.rows().shownGoroutines()).isEqualTo(1);
    }

    /** A goroutine's wait that another goroutine ended, as {goroutine, interval, unblocker}, the longest such wait. */
    private static int[] waitUnblockedByAGoroutine(Timeline t) {
        int[] best = null;
        long longest = 0;
        for (int g = 0; g < t.goroutines().size(); g++) {
            StateLane lane = t.goroutines().lane(g);
            for (int i = 0; i + 1 < lane.size(); i++) {
                int by = t.goroutines().unblockerOf(g, i);
                if (by >= 0 && by != g && lane.end(i) - lane.start(i) > longest) {
                    longest = lane.end(i) - lane.start(i);
                    best = new int[] {g, i, by};
                }
            }
        }
        assertThat(best).as("a wait ended by a goroutine").isNotNull();
        return best;
    }

    @Test
    void theUnblockedByLinkSelectsTheUnblockingGoroutineAtThatTime(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        int[] w = waitUnblockedByAGoroutine(t);
        StateLane lane = t.goroutines().lane(w[0]);
        SpanRef wait = new SpanRef(LaneRows.Kind.GOROUTINE, w[0], w[1]);
        robot.interact(() -> {
            p.canvas().zoomTo(wait);
            p.canvas().reveal(wait);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(screenPoint(p, LaneRows.Kind.GOROUTINE, w[0], (lane.start(w[1]) + lane.end(w[1])) / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(p.canvas().selected()).isEqualTo(wait);
        Hyperlink link = robot.lookup("#unblocked-by").queryAs(Hyperlink.class);
        long unblockedAt = lane.end(w[1]);
        assertThat(link.getText()).isEqualTo("unblocked by G" + t.goroutines().id(w[2]) + " ("
                + LaneRows.shortName(p.data().groupName(w[2])) + ") at "
                + TimeTicks.duration(unblockedAt - t.startNs()));
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        SpanRef sel = p.canvas().selected();
        assertThat(sel.lane()).isEqualTo(LaneRows.Kind.GOROUTINE);
        assertThat(sel.index()).isEqualTo(w[2]);
        StateLane by = t.goroutines().lane(w[2]);
        assertThat(by.start(sel.span())).isLessThanOrEqualTo(unblockedAt);
        assertThat(by.end(sel.span())).isGreaterThan(unblockedAt);
        assertThat(by.state(sel.span()).label()).isEqualTo("running");
        assertThat(p.canvas().viewport().startNs()).isLessThanOrEqualTo(unblockedAt);
        assertThat(p.canvas().viewport().endNs()).isGreaterThan(unblockedAt);
        Label title = robot.lookup("#span-title").queryAs(Label.class);
        assertThat(title.getText()).startsWith("Goroutine " + t.goroutines().id(w[2]) + " ");
    }

    @Test
    void fromAPSpanTheGoroutineButtonSelectsTheGoroutineItRan(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        StateLane pl = t.procLane(0);
        int i = 0;
        while (pl.detail(i) < 0) {
            i++;
        }
        int g = pl.detail(i);
        SpanRef span = new SpanRef(LaneRows.Kind.PROC, 0, i);
        robot.interact(() -> p.canvas().select(span));
        robot.clickOn("#jump-goroutine");
        WaitForAsyncUtils.waitForFxEvents();
        SpanRef sel = p.canvas().selected();
        assertThat(sel.lane()).isEqualTo(LaneRows.Kind.GOROUTINE);
        assertThat(sel.index()).isEqualTo(g);
        assertThat(t.goroutines().lane(g).state(sel.span()).label()).isEqualTo("running");
    }

    @Test
    void searchFadesOtherGoroutinesCountsMatchesAndShowsInTheSvg(FxRobot robot, @TempDir Path dir) throws Exception {
        TimelinePane p = pane();
        robot.clickOn("#span-search").write("leakChanSend");
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#search-count").queryAs(Label.class);
        assertThat(count.getText()).matches("7 goroutines, \\d+ intervals match");
        Path svg = dir.resolve("search.svg");
        robot.interact(() -> p.export().svg(svg));
        String text = Files.readString(svg);
        String faded = String.format("fill=\"#%06x\"", TimelineRenderer.color(SpanKind.RUNNING, true, ThemeColors.LIGHT.background()) & 0xFFFFFF);
        assertThat(text).contains(faded);
        robot.doubleClickOn("#span-search").eraseText(12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getText()).isEmpty();
        robot.interact(() -> p.export().svg(svg));
        assertThat(Files.readString(svg)).doesNotContain(faded);
    }

    @Test
    void groupingByCreatorMakesCreatorGroupsAndAFoldedGroupShowsItsStateStrip(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        robot.interact(() -> robot.lookup("#group-by").<LaneGrouping>queryComboBox().setValue(LaneGrouping.CREATOR));
        LaneRows rows = p.rows();
        int header = -1;
        for (int r = 0; r < rows.size() && header < 0; r++) {
            if (rows.kind(r) == LaneRows.Kind.HEADER && rows.header(r).label().startsWith("created by ")) {
                header = r;
            }
        }
        assertThat(header).as("a group of goroutines created in the trace").isNotNegative();
        String creator = p.data().creatorName(rows.header(header).members()[0]);
        int created = 0;
        for (int g = 0; g < t.goroutines().size(); g++) {
            if (p.data().creatorName(g).equals(creator) && t.goroutines().lane(g).size() > 0) {
                created++;
                assertThat(t.goroutines().creatorStack(g)).isNotNegative();
            }
        }
        assertThat(rows.header(header).count()).isEqualTo(created);
        assertThat(rows.header(header).label()).isEqualTo("created by "
                + LaneRows.shortName(creator.substring("created by ".length())) + "  (" + created + ")");
        int folded = header;
        robot.interact(() -> {
            rows.toggle(folded);
            p.canvas().viewport().setScrollY(rows.top(folded));
            p.canvas().rowsChanged();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.isCollapsed(folded)).isTrue();
        GroupSummary strip = p.canvas().strips().ready(rows.header(folded).key());
        assertThat(strip).as("built for the folded header's frame").isNotNull();
        long[] byKind = new long[SpanKind.COUNT];
        long total = strip.timeByKind(0, strip.bins(), byKind);
        long want = 0;
        for (int m : rows.header(folded).members()) {
            StateLane lane = t.goroutines().lane(m);
            want += lane.end() - lane.start(0);
        }
        assertThat(total).isEqualTo(want);
        robot.interact(() -> robot.lookup("#group-by").<LaneGrouping>queryComboBox().setValue(LaneGrouping.NONE));
        long headers = java.util.stream.IntStream.range(0, rows.size())
                .filter(r -> rows.kind(r) == LaneRows.Kind.HEADER && rows.header(r).members() != null).count();
        assertThat(headers).isEqualTo(1);
    }

    @Test
    void theFlameGraphSourceSaysWhenTheTraceHasNoCpuSamples(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        ComboBox<?> source = robot.lookup("#range-source").queryAs(ComboBox.class);

        assertThat(t.cpu().size()).as("the sample trace ran without the CPU profiler").isZero();
        assertThat(source.getItems().get(0)).isEqualTo("CPU samples (none in this trace)");
        assertThat(p.range().flameModel().tree().total(CallTree.ROOT)).isZero();

        robot.interact(() -> p.range().setSource("Blocked: chan"));
        assertThat(p.range().flameModel().tree().total(CallTree.ROOT)).isPositive();
    }

    @Test
    void aStackFramesFileLineOpensTheSourcePaneAtThatLine(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        int[] wait = longWait(t);
        robot.interact(() -> p.canvas().select(new SpanRef(LaneRows.Kind.GOROUTINE, wait[0], wait[1])));
        ListView<?> stack = robot.lookup("#span-stack").queryAs(ListView.class);
        int top = (Integer) stack.getItems().get(0);
        assertThat(t.stacks().frames().functionName(top)).startsWith("runtime.");
        robot.clickOn(robot.lookup("#span-stack .frame-link").queryAs(Hyperlink.class));
        WaitForAsyncUtils.waitForFxEvents();
        var source = p.range().sourcePane();
        int line = t.stacks().frames().line(top);
        assertThat(source.file()).as("the runtime's source from GOROOT").isPresent();
        String recorded = t.stacks().frames().fileName(top);
        assertThat(source.file().orElseThrow().toString()).endsWith(Path.of(recorded).getFileName().toString());
        assertThat(source.highlightedLine()).isEqualTo(line);
    }

    private Timeline t(TimelinePane p) {
        return window.currentTab().orElseThrow().dataset().timeline();
    }

    /** The lanes area of the canvas as ARGB pixels, {@code [y][x]} from its top left corner. */
    private static int[][] lanePixels(FxRobot robot, TimelineCanvas c) {
        int[][][] out = new int[1][][];
        robot.interact(() -> {
            javafx.scene.image.WritableImage img = c.snapshot(null, null);
            int x0 = (int) TimelineRenderer.GUTTER;
            int y0 = (int) TimelineRenderer.HEADER;
            int w = (int) img.getWidth() - 20 - x0;
            int h = (int) img.getHeight() - y0;
            out[0] = new int[h][w];
            for (int y = 0; y < h; y++) {
                img.getPixelReader().getPixels(x0, y0 + y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        out[0][y], 0, w);
            }
        });
        return out[0];
    }

    @Test
    void aRangeReachingFarBeyondADeepZoomTintsTheWholeView(FxRobot robot) {
        TimelinePane p = pane();
        Timeline t = t(p);
        TimelineCanvas c = p.canvas();
        long mid = t.startNs() + t.durationNs() / 2;
        robot.interact(() -> c.viewport().showRange(mid, mid + 1_000));
        WaitForAsyncUtils.waitForFxEvents();
        int[][] plain = lanePixels(robot, c);
        robot.interact(() -> c.setRange(t.startNs(), t.endNs()));
        WaitForAsyncUtils.waitForFxEvents();
        int[][] tinted = lanePixels(robot, c);
        long changed = 0;
        long all = 0;
        for (int y = 0; y < plain.length; y++) {
            for (int x = 0; x < plain[y].length; x++) {
                all++;
                changed += plain[y][x] != tinted[y][x] ? 1 : 0;
            }
        }
        assertThat(changed).as("pixels tinted by a range whose edges are a billion pixels away").isEqualTo(all);
    }

    @Test
    void svgExportDrawsTheSameRowsAsTheCanvas(FxRobot robot, @TempDir Path dir) throws Exception {
        TimelinePane p = pane();
        Path svg = dir.resolve("timeline.svg");
        robot.interact(() -> p.export().svg(svg));
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg ").endsWith("</svg>\n").contains("<rect ").contains("Processors (" + t(p).procCount() + ")");
        assertThat(text).contains("fill=\"#" + String.format("%06x",
                dev.goroscope.model.timeline.StatePalette.color(dev.goroscope.model.timeline.SpanKind.RUNNING)) + "\"");
    }
}
