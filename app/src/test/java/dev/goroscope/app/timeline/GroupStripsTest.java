package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.tasks.QueuedTaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.timeline.GroupSummary;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.StatePalette;
import dev.goroscope.model.timeline.Timeline;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A folded goroutine group of a real Go 1.26 trace (see traces/NOTICE.md) gets its state strip from a build queued
 * on the task runner: the header is drawn with its label only until the build ran, and a build made for an older
 * grouping is dropped.
 */
@ExtendWith(ApplicationExtension.class)
class GroupStripsTest {
    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private TimelineData data;
    private LaneRows rows;
    private TimelineCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI());
        data = new TimelineData(Importers.all().open(trace).timeline());
        rows = new LaneRows(data);
        canvas = new TimelineCanvas(data, rows, runner);
        stage.setScene(new Scene(canvas, 1000, 500));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** The header row of the largest goroutine group (the first, as groups are sorted by size). */
    private int largestGroup() {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.kind(r) == LaneRows.Kind.HEADER && rows.header(r).members() != null) {
                return r;
            }
        }
        throw new AssertionError("no goroutine group");
    }

    /** Scrolls header row {@code r} to the top of the lanes and clicks its label, which folds the group. */
    private void foldByClick(FxRobot robot, int r) {
        robot.interact(() -> {
            canvas.viewport().setScrollY(rows.top(r));
            canvas.markDirty();
        });
        robot.clickOn(canvas.localToScreen(40, rowTop(r) + rows.height(r) / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.isCollapsed(r)).as("folded by the click").isTrue();
    }

    private double rowTop(int r) {
        return TimelineRenderer.HEADER + rows.top(r) - canvas.viewport().scrollY();
    }

    /** Pixels of header row {@code r}, right of the gutter, painted in the colour of some span kind. */
    private int stripPixels(FxRobot robot, int r) {
        Set<Integer> kinds = new HashSet<>();
        for (int k = 0; k < SpanKind.COUNT; k++) {
            kinds.add(StatePalette.color(k));
        }
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = canvas.snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        int top = (int) rowTop(r);
        int count = 0;
        for (int y = top; y < top + rows.height(r); y++) {
            for (int x = (int) TimelineRenderer.GUTTER + 1; x < (int) canvas.getWidth() - 20; x++) {
                if (kinds.contains(px.getArgb(x, y) & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private void runPending(FxRobot robot, int index) {
        robot.interact(() -> runner.runPending(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFoldedHeaderShowsItsLabelFirstAndItsStripOnceTheBuildRan(FxRobot robot) {
        int r = largestGroup();
        foldByClick(robot, r);
        LaneRows.Header header = rows.header(r);
        assertThat(runner.pending()).as("the strip's build is queued, not run on the FX thread").isEqualTo(1);
        assertThat(canvas.strips().ready(header.key())).isNull();
        assertThat(stripPixels(robot, r)).as("no strip before the build ran").isZero();

        runPending(robot, 0);
        GroupSummary strip = canvas.strips().ready(header.key());
        assertThat(strip).isNotNull();
        int width = (int) canvas.getWidth() - 20 - (int) TimelineRenderer.GUTTER;
        assertThat(stripPixels(robot, r)).as("the strip, repainted when ready").isGreaterThan(width * 5);
        long[] byKind = new long[SpanKind.COUNT];
        long total = strip.timeByKind(0, strip.bins(), byKind);
        long want = 0;
        Timeline t = data.timeline();
        for (int m : header.members()) {
            StateLane lane = t.goroutines().lane(m);
            want += lane.end() - lane.start(0);
        }
        assertThat(total).isEqualTo(want);
        assertThat(runner.pending()).as("built once").isZero();
    }

    @Test
    void changingTheGroupingCancelsAndDropsTheBuildUnderWay(FxRobot robot) {
        int r = largestGroup();
        foldByClick(robot, r);
        String key = rows.header(r).key();
        assertThat(runner.pending()).isEqualTo(1);

        robot.interact(() -> {
            rows.setGrouping(LaneGrouping.CREATOR);
            canvas.rowsChanged();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.cancelled()).as("the build for the old grouping is cancelled").isEqualTo(1);
        robot.interact(() -> {
            rows.setGrouping(LaneGrouping.START_FUNCTION);
            canvas.rowsChanged();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.header(r).key()).isEqualTo(key);
        assertThat(rows.isCollapsed(r)).as("still folded").isTrue();
        assertThat(runner.pending()).as("the stale build and a new one").isEqualTo(2);

        runPending(robot, 0);
        assertThat(canvas.strips().ready(key)).as("the stale result is dropped").isNull();
        assertThat(stripPixels(robot, r)).isZero();
        runPending(robot, 0);
        assertThat(canvas.strips().ready(key)).isNotNull();
        assertThat(stripPixels(robot, r)).isPositive();
    }
}
