package dev.goroscope.app.leaks;

import dev.goroscope.app.source.FrameLink;
import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.analysis.CreationTree;
import dev.goroscope.model.analysis.DumpAnalysis;
import dev.goroscope.model.analysis.GoroutineGroups;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import java.util.ArrayList;
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
    private List<Profile> profiles;
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
            Consumer<String> status, Consumer<FrameLink> openSource) {
        this.dump = dump;
        this.profiles = List.copyOf(profiles);
        this.runner = runner;
        this.status = status;
        setId("leak-workbench");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        groups = new GroupsPane(o -> {
            options = o;
            analyse();
        }, openSource);
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

    /**
     * Adds profiles taken with this dump (e.g. Go 1.26's goroutineleak profile, whose verdicts become leak
     * suspects) and analyses again.
     */
    public void addProfiles(List<Profile> more) {
        List<Profile> all = new ArrayList<>(profiles);
        all.addAll(more);
        profiles = List.copyOf(all);
        analyse();
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

    /**
     * Shows the goroutines of a picked suspect: its group, or, for a finding that names functions rather than a
     * group (a goroutineleak profile's verdict, a series' growth), the largest group of this dump running those
     * functions. When the dump has none, the suspect's details say so and the evidence stays in view.
     */
    private void pick(LeakSuspect s) {
        if (analysis == null) {
            return;
        }
        if (s.group() >= 0) {
            getSelectionModel().select(groupsTab);
            groups.select(s.group());
            return;
        }
        GoroutineGroups g = analysis.groups();
        int[] matches = g.withFunctions(s.entryFunction(), s.leafFunction());
        if (matches.length == 0) {
            suspects.addToDetails("No goroutine of this dump runs " + s.entryFunction() + " → " + s.leafFunction()
                    + ": the suspect comes from a profile or series only.");
            return;
        }
        int total = 0;
        for (int k : matches) {
            total += g.count(k);
        }
        String found = total + (total == 1 ? " goroutine" : " goroutines") + " of this dump run " + s.entryFunction()
                + " → " + s.leafFunction() + " in " + matches.length + (matches.length == 1 ? " group" : " groups")
                + (matches.length == 1 ? "" : "; the largest is selected");
        suspects.addToDetails(found + ".");
        status.accept(s.rule().id() + ": " + found);
        getSelectionModel().select(groupsTab);
        groups.select(matches[0]);
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
