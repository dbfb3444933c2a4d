package dev.goroscope.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.settings.MemoryPreferences;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.model.calltree.CallTree;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The source pane on the real Go 1.26 leaks dump, with its source mapped from the test resources. */
@ExtendWith(ApplicationExtension.class)
class SourcePaneTest {
    private final Settings settings = new Settings(new MemoryPreferences());
    private final CallTree tree = CallTree.of(LeaksDump.dump().stackCounts());
    private SourcePane pane;

    @Start
    void start(Stage stage) {
        pane = new SourcePane(settings, () -> new SourceLocator(settings.pathMappings(), null, null), s -> { });
        Scene scene = new Scene(pane, 700, 500);
        ActiveTheme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aFrameShowsItsFileWithTheHeaviestLineHighlightedAndWeightsInTheGutter(FxRobot robot) {
        settings.addPathMapping(new PathMapping(LeaksDump.PREFIX, LeaksDump.resource("leaks").toString()));
        robot.interact(() -> pane.showNode(tree, LeaksDump.node(tree, "main.leakRecursionBottom"), CallTree.ROOT));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pane.file()).contains(LeaksDump.resource("leaks/patterns.go"));
        assertThat(pane.highlightedLine()).isEqualTo(218);
        ListCell<?> cell = highlightedCell(robot);
        assertThat(texts(cell)).containsExactly("2", "2", "218", "    <-ch");
        assertThat(robot.lookup("#source-location").queryAs(Label.class).getText()).endsWith("patterns.go:218");
    }

    @Test
    void aMissingFileSaysWhichPathToMapAndMappingItShowsTheSource(FxRobot robot) {
        robot.interact(() -> pane.showNode(tree, LeaksDump.node(tree, "main.leakRecurse"), CallTree.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#source-missing").queryAs(Label.class).getText())
                .startsWith("Source not found: " + LeaksDump.PREFIX + "patterns.go:209");
        assertThat(robot.lookup("#map-path").queryAs(Button.class).isVisible()).isTrue();
        assertThat(pane.file()).isEmpty();

        robot.interact(() -> pane.addMapping(
                MappingGuess.forFolder(LeaksDump.PREFIX + "patterns.go", LeaksDump.resource("leaks"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.pathMappings()).hasSize(1);
        assertThat(pane.highlightedLine()).isEqualTo(209);
        assertThat(texts(highlightedCell(robot))).containsExactly("", "2", "209", "        leakRecurse(frames-1, ch)");
    }

    @Test
    void theEditorCommandErrorIsShownInThePane(FxRobot robot) {
        settings.addPathMapping(new PathMapping(LeaksDump.PREFIX, LeaksDump.resource("leaks").toString()));
        settings.setEditorCommand("goroscope-no-such-editor-xyz {file}");
        robot.interact(() -> pane.showNode(tree, LeaksDump.node(tree, "main.leakRecursionBottom"), CallTree.ROOT));
        robot.clickOn("#open-in-editor");
        assertThat(robot.lookup("#source-error").queryAs(Label.class).getText())
                .startsWith("cannot run goroscope-no-such-editor-xyz " + LeaksDump.resource("leaks/patterns.go"));
    }

    private ListCell<?> highlightedCell(FxRobot robot) {
        Set<Node> cells = robot.lookup(".source-lines .list-cell").queryAll();
        List<ListCell<?>> lit = cells.stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("highlighted")))
                .collect(Collectors.toList());
        assertThat(lit).hasSize(1);
        return lit.get(0);
    }

    private static List<String> texts(ListCell<?> cell) {
        return ((HBox) cell.getGraphic()).getChildren().stream().map(n -> ((Label) n).getText())
                .collect(Collectors.toList());
    }
}
