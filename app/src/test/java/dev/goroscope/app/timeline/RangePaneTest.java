package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.tasks.QueuedTaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.timeline.BlockClass;
import dev.goroscope.model.timeline.Timeline;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The range statistics and flame graph stacks of a real Go 1.26 trace are computed through the task runner; late
 * results are dropped.
 */
@ExtendWith(ApplicationExtension.class)
class RangePaneTest {
    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private TimelineData data;
    private RangePane pane;

    @Start
    void start(Stage stage) throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/go1.26-leaks-trace.out").toURI());
        data = new TimelineData(Importers.all().open(trace).timeline());
        pane = new RangePane(data, runner, s -> { });
        stage.setScene(new Scene(pane, 900, 500));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<String> groups(RangeStats s) {
        return s.rows().stream().map(r -> r.group() + "=" + r.total()).toList();
    }

    @Test
    void theTableFillsWhenTheWorkIsDoneAndAnOlderRangesResultIsDropped(FxRobot robot) {
        Timeline t = data.timeline();
        TableView<?> table = robot.lookup("#range-stats").queryAs(TableView.class);
        robot.interact(() -> {
            while (runner.pending() > 0) {
                runner.runPending(0);
            }
        });
        long mid = t.startNs() + t.durationNs() / 2;
        robot.interact(() -> {
            pane.setRange(t.startNs(), mid);
            pane.setRange(mid, t.endNs());
        });
        assertThat(table.getItems()).as("nothing until the work ran").isEmpty();
        robot.interact(() -> {
            while (runner.pending() > 0) {
                runner.runPending(runner.pending() - 1);
            }
        });
        RangeStats second = RangeStats.of(data, mid, t.endNs());
        RangeStats first = RangeStats.of(data, t.startNs(), mid);
        assertThat(groups(first)).isNotEqualTo(groups(second));
        assertThat(groups(pane.stats())).isEqualTo(groups(second));
        assertThat(table.getItems()).hasSize(second.rows().size());
    }

    @Test
    void theRangesStacksAreGatheredThroughTheRunnerAndAnOlderRangesAreDropped(FxRobot robot) {
        Timeline t = data.timeline();
        long mid = t.startNs() + t.durationNs() / 2;
        robot.interact(() -> {
            pane.setSource("Blocked: chan");
            runAll();
            pane.setRange(t.startNs(), mid);
            pane.setRange(mid, t.endNs());
        });
        long whole = CallTree.of(t.blockedStacks(BlockClass.CHAN, t.startNs(), t.endNs() + 1)).total(CallTree.ROOT);
        assertThat(pane.flameModel().tree().total(CallTree.ROOT)).as("the whole trace until the work ran")
                .isEqualTo(whole);

        robot.interact(() -> {
            while (runner.pending() > 0) {
                runner.runPending(runner.pending() - 1);
            }
        });

        long first = CallTree.of(t.blockedStacks(BlockClass.CHAN, t.startNs(), mid)).total(CallTree.ROOT);
        long second = CallTree.of(t.blockedStacks(BlockClass.CHAN, mid, t.endNs())).total(CallTree.ROOT);
        assertThat(first).isNotEqualTo(second);
        assertThat(pane.flameModel().tree().total(CallTree.ROOT)).isEqualTo(second);
    }

    private void runAll() {
        while (runner.pending() > 0) {
            runner.runPending(0);
        }
    }
}
