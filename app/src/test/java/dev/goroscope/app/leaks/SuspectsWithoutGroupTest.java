package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.analysis.GoroutineGroup;
import dev.goroscope.model.analysis.LeakRule;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
 * Leak suspects that name functions rather than a group of the dump: the verdicts of Go 1.26's goroutineleak
 * profile (samples/captures/go1.26/goroutineleak.pb.gz, from samples/progs/leaks), shown next to a dump of the same
 * program and next to a dump of another one (samples/progs/growing).
 */
@ExtendWith(ApplicationExtension.class)
class SuspectsWithoutGroupTest {
    private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
    private Stage stage;
    private LeakWorkbench workbench;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void pickingAProfileVerdictSelectsTheGroupOfTheDumpRunningItsFunctions(FxRobot robot) throws Exception {
        show(robot, "go1.26-dump-debug2.txt");
        robot.clickOn("#suspects-tab");
        LeakSuspect verdict = suspect("main.leakChanSend");
        assertThat(verdict.group()).as("not tied to a group").isEqualTo(-1);
        Node cell = cellOf(robot, verdict);
        assertThat(((ListCell<?>) cell).getText()).isEqualTo("goroutineleak-profile  ·  7  ·  main.leakChanSend\n"
                + "the goroutineleak profile reports 7 goroutines leaked in main.leakChanSend");

        robot.clickOn(cell);

        assertThat(workbench.getSelectionModel().getSelectedItem().getText()).isEqualTo("Groups");
        GoroutineGroup shown = workbench.groups().table().getSelectionModel().getSelectedItem();
        assertThat(shown.entryFunction()).isEqualTo("main.leakChanSend");
        assertThat(shown.count()).isEqualTo(7);
        assertThat(robot.lookup("#group-members").queryTextInputControl().getText().split(", ")).hasSize(7);
        assertThat(statuses).contains("goroutineleak-profile: 7 goroutines of this dump run main.leakChanSend → "
                + "main.leakChanSend in 1 group");
        assertThat(workbench.suspects().details().getText()).isEqualTo(
                "goroutineleak-profile: reported leaked by the runtime's goroutineleak profile\n"
                        + "the goroutineleak profile reports 7 goroutines leaked in main.leakChanSend\n"
                        + "7 goroutines of this dump run main.leakChanSend → main.leakChanSend in 1 group.");
    }

    @Test
    void aGenericFunctionNamedWithItsShapeFindsTheDumpsGroup(FxRobot robot) throws Exception {
        show(robot, "go1.26-dump-debug2.txt");
        robot.clickOn("#suspects-tab");
        LeakSuspect verdict = suspect("main.leakGenericWait[go.shape.int]");

        robot.clickOn(cellOf(robot, verdict));

        GoroutineGroup shown = workbench.groups().table().getSelectionModel().getSelectedItem();
        assertThat(shown.entryFunction()).isEqualTo("main.leakGenericWait[...]");
    }

    @Test
    void aVerdictAboutGoroutinesTheDumpDoesNotHaveKeepsItsEvidenceInView(FxRobot robot) throws Exception {
        show(robot, "goroutines-1795926103266.txt");
        robot.clickOn("#suspects-tab");
        LeakSuspect verdict = suspect("main.leakChanReceive");

        robot.clickOn(cellOf(robot, verdict));

        assertThat(workbench.getSelectionModel().getSelectedItem().getText()).startsWith("Leak suspects");
        assertThat(robot.lookup("#suspect-details").queryAs(Label.class).getText()).isEqualTo(
                "goroutineleak-profile: reported leaked by the runtime's goroutineleak profile\n"
                        + "the goroutineleak profile reports 6 goroutines leaked in main.leakChanReceive\n"
                        + "No goroutine of this dump runs main.leakChanReceive → main.leakChanReceive: the suspect "
                        + "comes from a profile or series only.");
        assertThat(robot.lookup("#suspect-details").query().isVisible()).isTrue();
    }

    /** Shows the workbench of dump {@code name} with the goroutineleak profile beside it. */
    private void show(FxRobot robot, String name) throws Exception {
        GoroutineDump dump = Importers.all().open(LeakData.path(name)).dump();
        List<Profile> profiles = Importers.all().open(LeakData.path("goroutineleak.pb.gz")).profiles();
        robot.interact(() -> {
            workbench = new LeakWorkbench(new Label("goroutines"), dump, profiles, new InlineTaskRunner(),
                    statuses::add, link -> { });
            stage.setScene(new Scene(workbench, 1200, 700));
            stage.show();
        });
    }

    private LeakSuspect suspect(String entryFunction) {
        return workbench.suspects().list().getItems().stream()
                .filter(s -> s.rule() == LeakRule.GOROUTINELEAK_PROFILE && s.entryFunction().equals(entryFunction))
                .findFirst().orElseThrow();
    }

    /** The list cell showing {@code s}, scrolled into view. */
    private Node cellOf(FxRobot robot, LeakSuspect s) {
        robot.interact(() -> workbench.suspects().list().scrollTo(s));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#suspects-list .list-cell")
                .match((ListCell<LeakSuspect> c) -> c.getItem() == s && c.isVisible()).query();
    }
}
