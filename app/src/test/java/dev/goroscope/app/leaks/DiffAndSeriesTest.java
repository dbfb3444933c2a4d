package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.app.workspace.RecentFiles;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.analysis.DiffEntry;
import dev.goroscope.model.analysis.SeriesRow;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Compare with… and Open Series… on the real snapshots of samples/progs/growing, in the main window. */
@ExtendWith(ApplicationExtension.class)
class DiffAndSeriesTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(new InlineTaskRunner(), Importers.all(), new RecentFiles(List.of(), l -> { }));
        window.showOn(stage, 1200, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void comparingTwoOpenSnapshotsShowsTheGrowingGroupWithAPositiveDelta(FxRobot robot) {
        robot.interact(() -> {
            window.open(LeakData.path("goroutines-1795926103266.txt"));
            window.open(LeakData.path("goroutines-1795926104481.txt"));
            List<Tab> open = List.copyOf(window.tabs().getTabs());
            window.leakActions().compareTabs(open.get(0), open.get(1));
        });

        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        assertThat(selected).isInstanceOf(DiffTab.class);
        assertThat(selected.getText()).isEqualTo("goroutines-1795926103266.txt → goroutines-1795926104481.txt");
        DiffEntry first = ((DiffTab) selected).table().getItems().get(0);
        assertThat(first.delta()).isPositive();
        assertThat(first.after()).isGreaterThan(first.before());
    }

    @Test
    void theSeriesOfTheGrowingFolderFlagsMonotonicGrowth(FxRobot robot) {
        robot.interact(() -> window.leakActions().openSeries(List.of(LeakData.path("growing"))));

        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        SeriesView view = (SeriesView) selected.getContent();
        assertThat(view.chart().getData()).isNotEmpty();
        assertThat(view.chart().getData().get(0).getData()).hasSize(5);
        SeriesRow top = view.table().getItems().get(0);
        assertThat(top.growing()).isTrue();
        assertThat(top.last()).isGreaterThan(top.first());

        robot.interact(() -> view.diffButton().fire());
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isInstanceOf(DiffTab.class);
    }
}
