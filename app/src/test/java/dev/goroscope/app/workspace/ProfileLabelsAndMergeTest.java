package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.PprofRaw;
import dev.goroscope.app.TestData;
import dev.goroscope.app.TestWindows;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.profile.Profile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
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
 * pprof labels in the flame graph toolbar and merging profiles opened together, on real CPU profiles of this
 * project's programs (Go 1.26 and Go 1.19, whose CPU burners carry labels), checked against the
 * {@code go tool pprof -raw} listings captured with them.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileLabelsAndMergeTest {
    private static final int CPU_NANOS = 1;
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
    void theLabelFilterKeepsTheChosenValuesAndGroupingPutsTheLabelAtTheRoot(FxRobot robot) {
        onFx(() -> window.open(resource("/go1.26/cpu.pb.gz")));
        PprofRaw raw = PprofRaw.read(resource("/go1.26/cpu.pprof-raw.txt"));
        assertThat(window.errorMessage()).isEmpty();
        assertThat(window.tabs().getTabs()).hasSize(1);
        assertThat(robot.lookup("#label-controls").query().isVisible()).isTrue();
        assertThat(total()).isEqualTo(raw.total(CPU_NANOS));

        robot.clickOn("#label-filter");
        robot.clickOn(itemStartingWith(robot, "burner=1"));
        long burner1 = raw.total(CPU_NANOS, l -> l.contains("burner:[1]"));
        assertThat(burner1).isPositive().isLessThan(raw.total(CPU_NANOS));
        assertThat(total()).isEqualTo(burner1);
        assertThat(robot.lookup("#label-filter").queryAs(MenuButton.class).getText()).isEqualTo("Label filter: burner=1");
        assertThat(tab().svgOptions().title()).isEqualTo("cpu.pb.gz — cpu: cpu/nanoseconds — burner=1");

        robot.clickOn("#label-filter");
        robot.clickOn(itemStartingWith(robot, "burner=0"));
        long either = raw.total(CPU_NANOS, l -> l.contains("burner:[0]") || l.contains("burner:[1]"));
        assertThat(total()).as("values of one key are alternatives").isEqualTo(either);

        robot.clickOn("#label-group");
        robot.clickOn("Group by label burner");
        CallTree tree = tab().model().orElseThrow().tree();
        Map<String, Long> roots = new TreeMap<>();
        for (int c = tree.firstChild(CallTree.ROOT); c >= 0; c = tree.nextSibling(c)) {
            roots.put(tree.name(c), tree.total(c));
        }
        assertThat(roots).isEqualTo(Map.of(
                "burner=0", raw.total(CPU_NANOS, l -> l.contains("burner:[0]")),
                "burner=1", burner1));

        robot.clickOn("#label-filter");
        robot.clickOn("#label-filter-clear");
        robot.clickOn("#label-group");
        robot.clickOn("No label grouping");
        assertThat(total()).isEqualTo(raw.total(CPU_NANOS));
        assertThat(robot.lookup("#label-group").queryAs(ComboBox.class).getValue()).isEqualTo("No label grouping");
    }

    @Test
    void theLabelControlsAreHiddenWhenTheProfileHasNoLabels(FxRobot robot) {
        onFx(() -> window.open(TestData.twoProfilesPath()));
        assertThat(tab().dataset().profiles()).allMatch(p -> p.labelKeys().isEmpty());
        Node controls = tab().labelControls().orElseThrow();
        assertThat(controls.isVisible()).isFalse();
        assertThat(controls.isManaged()).isFalse();
    }

    @Test
    void profilesOfOneKindOpenedTogetherMergeIntoOneTabWhoseFiguresAreTheSums(FxRobot robot) {
        Path cpu26 = resource("/go1.26/cpu.pb.gz");
        Path cpu19 = resource("/go1.19/cpu.pb.gz");
        onFx(() -> window.openTogether(List.of(cpu26, cpu19)));
        assertThat(window.tabs().getTabs()).hasSize(2);
        assertThat(window.mergeMessage()).isEqualTo("2 cpu profiles were opened together; merged, their samples add up.");

        robot.clickOn("#merge-button");

        assertThat(window.tabs().getTabs()).hasSize(1);
        assertThat(window.mergeMessage()).isEmpty();
        assertThat(tab().getText()).isEqualTo("cpu.pb.gz + 1 more");
        PprofRaw a = PprofRaw.read(resource("/go1.26/cpu.pprof-raw.txt"));
        PprofRaw b = PprofRaw.read(resource("/go1.19/cpu.pprof-raw.txt"));
        Profile merged = tab().dataset().profiles().get(0);
        assertThat(merged.total(0)).isEqualTo(a.total(0) + b.total(0)).isEqualTo(344);
        assertThat(merged.total(CPU_NANOS)).isEqualTo(a.total(CPU_NANOS) + b.total(CPU_NANOS));
        assertThat(total()).isEqualTo(a.total(CPU_NANOS) + b.total(CPU_NANOS));
        assertThat(robot.lookup("#label-controls").query().isVisible()).isTrue();
    }

    @Test
    void profilesOfDifferentKindsOpenSeparatelyWithTheReasonShown(FxRobot robot) {
        Path cpu = resource("/go1.19/cpu.pb.gz");
        Path heap = resource("/go1.19/heap.pb.gz");
        onFx(() -> window.openTogether(List.of(cpu, heap)));

        assertThat(window.tabs().getTabs()).hasSize(2);
        assertThat(window.mergeMessage()).isEqualTo("Opened separately: cannot merge profiles of different kinds: "
                + cpu + " is a cpu profile, " + heap + " a heap profile.");
        assertThat(robot.lookup("#merge-button").query().isVisible()).isFalse();
        robot.clickOn("#merge-dismiss");
        assertThat(window.mergeMessage()).isEmpty();
    }

    private long total() {
        WaitForAsyncUtils.waitForFxEvents();
        return tab().model().orElseThrow().tree().total(CallTree.ROOT);
    }

    private DocumentTab tab() {
        return window.currentTab().orElseThrow();
    }

    private static Node itemStartingWith(FxRobot robot, String text) {
        List<Node> found = new ArrayList<>(robot.lookup(".menu-item .label")
                .match((javafx.scene.control.Label l) -> l.getText().startsWith(text)).queryAll());
        assertThat(found).as("menu item %s", text).hasSize(1);
        return found.get(0);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ProfileLabelsAndMergeTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code r} on the FX thread and waits until the scene has caught up (tab contents are laid out). */
    private static void onFx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
