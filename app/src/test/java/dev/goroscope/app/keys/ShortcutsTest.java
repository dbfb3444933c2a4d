package dev.goroscope.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.app.TestWindows;
import dev.goroscope.app.workspace.DocumentTab;
import dev.goroscope.app.workspace.MainWindow;
import dev.goroscope.model.calltree.CallTree;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard shortcuts on the main window with the real Go 1.19 dump open. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1100, 760);
        window.open(TestData.dumpPath());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void questionMarkListsEveryShortcut(FxRobot robot) {
        robot.interact(() -> window.tabs().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = robot.lookup("#shortcut-overlay .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(texts).contains("Keyboard shortcuts", "Open a file", "Quick open: go to a function",
                "Open the clipboard's text as a new tab", "Flame / icicle", "Next tab", "Undo zoom or transform");
    }

    @Test
    void pastingADumpOpensItInANewTab(FxRobot robot) throws Exception {
        String dump = Files.readString(TestData.dumpPath());
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(dump);
            Clipboard.getSystemClipboard().setContent(c);
            window.tabs().requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.tabs().getTabs()).hasSize(2);
        DocumentTab pasted = window.currentTab().orElseThrow();
        assertThat(pasted.getText()).isEqualTo("pasted 1");
        assertThat(pasted.dataset().dump().size()).isEqualTo(59);
    }

    @Test
    void quickOpenZoomsOnTheChosenFunction(FxRobot robot) {
        robot.interact(() -> window.tabs().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#quick-open-field").write("leak recv");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        CallTree tree = window.currentTab().flatMap(DocumentTab::model).orElseThrow().tree();
        int zoom = window.currentTab().flatMap(DocumentTab::model).orElseThrow().zoomNode();
        assertThat(tree.name(zoom)).isEqualTo("main.leakRecv");
    }

    @Test
    void iTogglesFlameAndIcicle(FxRobot robot) {
        var model = window.currentTab().flatMap(DocumentTab::model).orElseThrow();
        boolean before = model.view().icicle();
        robot.interact(() -> window.tabs().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        assertThat(model.view().icicle()).isNotEqualTo(before);
    }

    @Test
    void quickOpenListsFunctionsHeaviestFirstAndMatchesAllWords() {
        CallTree tree = window.currentTab().flatMap(DocumentTab::model).orElseThrow().tree();
        List<QuickOpen.Choice> choices = QuickOpen.choices(tree);
        assertThat(choices).isSortedAccordingTo((a, b) -> Long.compare(b.weight(), a.weight()));
        assertThat(choices.stream().map(QuickOpen.Choice::name).distinct().count()).isEqualTo(choices.size());
        assertThat(QuickOpen.matches("main.leakRecv", "LEAK recv")).isTrue();
        assertThat(QuickOpen.matches("main.leakRecv", "leak send")).isFalse();
    }
}
