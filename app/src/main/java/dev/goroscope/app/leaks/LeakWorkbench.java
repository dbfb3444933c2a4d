package dev.goroscope.app.leaks;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.analysis.CreationTree;
import dev.goroscope.model.analysis.DumpAnalysis;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The lower half of a dump's tab: the goroutine table and, next to it, the leak workbench's Groups, Leak suspects
 * and Creation tree. Grouping and detection run on the task runner; the latest request wins.
 */
public final class LeakWorkbench extends TabPane {
    private final GoroutineDump dump;
    private final List<Profile> profiles;
    private final TaskRunner runner;
    private final Consumer<String> status;
    private final GroupsPane groups;
    private final SuspectsPane suspects;
    private final CreationTreePane creation = new CreationTreePane();
    private final Tab groupsTab;
    private GroupingOptions options = GroupingOptions.DEFAULT;
    private DumpAnalysis analysis;
    private int requests;
    private boolean creationShown;

    public LeakWorkbench(Node goroutines, GoroutineDump dump, List<Profile> profiles, TaskRunner runner,
            Consumer<String> status) {
        this.dump = dump;
        this.profiles = List.copyOf(profiles);
        this.runner = runner;
        this.status = status;
        setId("leak-workbench");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        groups = new GroupsPane(o -> {
            options = o;
            analyse();
        });
        suspects = new SuspectsPane(r -> analyse(), this::pick);
        groupsTab = new Tab("Groups", groups);
        groupsTab.setId("groups-tab");
        Tab suspectsTab = new Tab("Leak suspects", suspects);
        suspectsTab.setId("suspects-tab");
        Tab creationTab = new Tab("Creation tree", creation);
        creationTab.setId("creation-tab");
        creationTab.setOnSelectionChanged(e -> showCreationTree());
        getTabs().setAll(new Tab("Goroutines", goroutines), groupsTab, suspectsTab, creationTab);
        analyse();
    }

    public GroupsPane groups() {
        return groups;
    }

    public SuspectsPane suspects() {
        return suspects;
    }

    public CreationTreePane creationTree() {
        return creation;
    }

    private void analyse() {
        int request = ++requests;
        GroupingOptions o = options;
        LeakRules rules = suspects.rules();
        runner.run(p -> DumpAnalysis.of(dump, o, rules, profiles, null), a -> {
            if (request == requests) {
                analysis = a;
                groups.show(a.groups());
                suspects.show(a.suspects());
                getTabs().get(2).setText("Leak suspects (" + a.suspects().size() + ")");
            }
        }, error -> status.accept("Cannot group the goroutines: " + error.getMessage()));
    }

    private void pick(LeakSuspect s) {
        if (s.group() >= 0 && analysis != null) {
            getSelectionModel().select(groupsTab);
            groups.select(s.group());
        }
    }

    private void showCreationTree() {
        if (creationShown) {
            return;
        }
        creationShown = true;
        runner.run(p -> CreationTree.of(dump), creation::show,
                error -> status.accept("Cannot build the creation tree: " + error.getMessage()));
    }
}
