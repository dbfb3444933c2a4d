package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.source.FrameLink;
import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.analysis.GoroutineGroup;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The groups, suspects and creation tree of a real Go 1.26 dump (samples/progs/leaks), on Monocle headless. */
@ExtendWith(ApplicationExtension.class)
class LeakWorkbenchTest {
    private final List<FrameLink> opened = new ArrayList<>();
    private LeakWorkbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        GoroutineDump dump = Importers.all().open(LeakData.path("go1.26-dump-debug2.txt")).dump();
        workbench = new LeakWorkbench(new javafx.scene.control.Label("goroutines"), dump, List.of(),
                new InlineTaskRunner(), s -> { }, opened::add);
        stage.setScene(new Scene(workbench, 1200, 700));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theGroupsTabShowsTheSevenBlockedSendersAsOneGroup(FxRobot robot) {
        robot.clickOn("Groups");

        GoroutineGroup senders = workbench.groups().table().getItems().stream()
                .filter(g -> g.leafFunction().equals("main.leakChanSend")).findFirst().orElseThrow();
        assertThat(senders.count()).isEqualTo(7);
        assertThat(senders.stateLabel()).isEqualTo("chan send");
        assertThat(robot.lookup("#groups-table").lookup("chan send").tryQuery()).isPresent();

        robot.interact(() -> workbench.groups().select(senders.index()));
        // each sender blocks on its own channel, so the argument differs between members
        assertThat(workbench.groups().frames().getItems().get(0).title()).isEqualTo("main.leakChanSend(*)");

        robot.clickOn(robot.lookup("#group-frames .frame-link").queryAs(Hyperlink.class));

        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).function()).isEqualTo("main.leakChanSend");
        assertThat(opened.get(0).location()).isEqualTo("goroscope.dev/samples/progs/leaks/patterns.go:45");
    }

    @Test
    void loweringTheBlockedThresholdFlagsTheSendersAndPickingTheSuspectSelectsTheirGroup(FxRobot robot) {
        robot.clickOn("#suspects-tab");
        robot.interact(() -> workbench.suspects().blockedMinutes().getValueFactory().setValue(0));
        WaitForAsyncUtils.waitForFxEvents();

        LeakSuspect blocked = workbench.suspects().list().getItems().stream()
                .filter(s -> s.rule().id().equals("blocked-channel") && s.entryFunction().equals("main.leakChanSend"))
                .findFirst().orElseThrow();
        robot.interact(() -> workbench.suspects().list().getSelectionModel().select(blocked));

        assertThat(workbench.getSelectionModel().getSelectedItem().getText()).isEqualTo("Groups");
        assertThat(workbench.groups().table().getSelectionModel().getSelectedItem().index())
                .isEqualTo(blocked.group());
    }
}
