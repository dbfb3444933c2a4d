package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestWindows;
import dev.goroscope.app.leaks.LeakWorkbench;
import dev.goroscope.model.analysis.LeakSuspect;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Add goroutineleak profile to this dump…: the verdicts of Go 1.26's goroutineleak profile, taken from the
 * same run of samples/progs/leaks as the dump, join the dump's leak suspects; another kind of file is refused.
 */
@ExtendWith(ApplicationExtension.class)
class AddLeakProfileTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.shown(stage, 1200, 800);
        window.open(leaks("go1.26-dump-debug2.txt"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theProfilesVerdictsBecomeLeakSuspectsOfTheDump(FxRobot robot) {
        LeakWorkbench workbench = window.currentTab().orElseThrow().leaks().orElseThrow();
        assertThat(verdicts(workbench)).isEmpty();

        robot.interact(() -> window.addLeakProfile(leaks("goroutineleak.pb.gz")));

        assertThat(verdicts(workbench)).extracting(LeakSuspect::entryFunction).contains("main.leakChanSend");
        assertThat(verdicts(workbench)).filteredOn(s -> s.entryFunction().equals("main.leakChanSend"))
                .extracting(LeakSuspect::count).containsExactly(7L);
        assertThat(window.errorMessage()).isEmpty();
    }

    @Test
    void aFileThatIsNotAGoroutineleakProfileIsRefused(FxRobot robot) {
        Path dump = leaks("goroutine-debug1.txt");
        LeakWorkbench workbench = window.currentTab().orElseThrow().leaks().orElseThrow();
        int before = workbench.suspects().list().getItems().size();

        robot.interact(() -> window.addLeakProfile(dump));

        assertThat(window.errorMessage()).startsWith(dump + ": not a goroutineleak profile (it is a ");
        assertThat(workbench.suspects().list().getItems()).hasSize(before);
    }

    private static List<LeakSuspect> verdicts(LeakWorkbench workbench) {
        return workbench.suspects().list().getItems().stream()
                .filter(s -> s.rule().id().equals("goroutineleak-profile")).toList();
    }

    private static Path leaks(String name) {
        try {
            return Path.of(AddLeakProfileTest.class.getResource("/leaks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
