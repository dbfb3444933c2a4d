package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.model.analysis.CreationTree;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
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
 * The creation tree of the real Go 1.26 dump of samples/progs/leaks (samples/captures/go1.26/dump-debug2.txt),
 * opened in the main window: main.startServer's HTTP server goroutine started a connection goroutine, which
 * started a background reader, so the main.startServer row rolls up 3 goroutines over two more levels.
 */
@ExtendWith(ApplicationExtension.class)
class CreationTreePaneTest {
    private static final String SERVER = "created by main.startServer (goroscope.dev/samples/progs/leaks/serve.go:77)";
    private static final String SERVE = "created by net/http.(*Server).Serve (net/http/server.go:3464)";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
        window.open(LeakData.path("go1.26-dump-debug2.txt"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void expandingACallSiteShowsTheSitesItsGoroutinesCreatedWithTheirRolledUpCounts(FxRobot robot) {
        CreationTree model = CreationTree.of(window.currentTab().orElseThrow().dataset().dump());
        int server = node(model, SERVER);
        int serve = node(model, SERVE);
        assertThat(model.parent(serve)).isEqualTo(server);

        robot.clickOn("#creation-tab");
        assertThat(cells(robot, "all")).containsEntry("Total", String.valueOf(model.total(CreationTree.ROOT)))
                .containsEntry("Total", "78");
        CreationTreePane pane = window.currentTab().orElseThrow().leaks().orElseThrow().creationTree();
        robot.interact(() -> pane.scrollTo(pane.getRow(item(pane.getRoot(), server))));

        assertThat(cells(robot, SERVER)).containsEntry("Count", String.valueOf(model.count(server)))
                .containsEntry("Total", String.valueOf(model.total(server))).containsEntry("Total", "3");
        assertThat(row(robot, SERVE)).as("collapsed at first").isEmpty();

        robot.clickOn(robot.from(row(robot, SERVER).orElseThrow()).lookup(".tree-disclosure-node > .arrow")
                .queryAs(Node.class));

        assertThat(cells(robot, SERVE)).containsEntry("Count", String.valueOf(model.count(serve)))
                .containsEntry("Total", String.valueOf(model.total(serve))).containsEntry("Count", "1")
                .containsEntry("Total", "2").containsEntry("Orphans", "0");
    }

    private static TreeItem<Integer> item(TreeItem<Integer> from, int node) {
        if (from.getValue() == node) {
            return from;
        }
        for (TreeItem<Integer> c : from.getChildren()) {
            TreeItem<Integer> found = item(c, node);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int node(CreationTree t, String label) {
        return IntStream.range(0, t.size()).filter(n -> t.label(n).equals(label)).findFirst().orElseThrow();
    }

    /** The visible row whose call site is {@code label}. */
    private static Optional<TreeTableRow<?>> row(FxRobot robot, String label) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#creation-tree .tree-table-row-cell").match((TreeTableRow<?> r) -> r.isVisible()
                && r.getTreeItem() != null && texts(r).getOrDefault("Call site", "").equals(label)).tryQuery();
    }

    /** Column title → text of the row showing {@code label}. */
    private static Map<String, String> cells(FxRobot robot, String label) {
        return texts(row(robot, label).orElseThrow(() -> new AssertionError(label + " is not shown")));
    }

    private static Map<String, String> texts(TreeTableRow<?> row) {
        Map<String, String> out = new HashMap<>();
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null) {
                out.put(c.getTableColumn().getText(), c.getText());
            }
        }
        return out;
    }
}
