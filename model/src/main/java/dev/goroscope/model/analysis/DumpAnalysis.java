package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The leak workbench's view of one dump: its groups and its ranked leak suspects, plus the flat rows that
 * {@code goroscope summary --json} prints under {@code groups} and {@code suspects}.
 */
public final class DumpAnalysis {
    private final GoroutineGroups groups;
    private final List<LeakSuspect> suspects;

    private DumpAnalysis(GoroutineGroups groups, List<LeakSuspect> suspects) {
        this.groups = groups;
        this.suspects = List.copyOf(suspects);
    }

    /** Groups with the default options and applies the default rules. */
    public static DumpAnalysis of(GoroutineDump dump) {
        return of(dump, GroupingOptions.DEFAULT, LeakRules.DEFAULTS, List.of(), null);
    }

    /**
     * @param profiles profiles that came with the dump (a goroutineleak or heap profile adds rules), may be empty
     * @param series   a series the dump is the latest point of, or null
     */
    public static DumpAnalysis of(GoroutineDump dump, GroupingOptions options, LeakRules rules, List<Profile> profiles,
            SeriesAnalysis series) {
        GoroutineGroups groups = GoroutineGroups.of(dump, options);
        return new DumpAnalysis(groups, new LeakDetector(rules).detect(groups, series, profiles));
    }

    public GoroutineGroups groups() {
        return groups;
    }

    public List<LeakSuspect> suspects() {
        return suspects;
    }

    /** The "same object" buckets of the dump (computed on each call: a pass over every argument word). */
    public SameObjects sameObjects() {
        return SameObjects.of(groups.dump(), groups.pointers());
    }

    /** The creation tree of the dump (computed on each call). */
    public CreationTree creationTree() {
        return CreationTree.of(groups.dump());
    }

    /** One row per group, largest first. */
    public List<GroupSummary> groupSummaries() {
        List<GroupSummary> out = new ArrayList<>();
        for (int k : groups.order(GroupOrder.COUNT)) {
            GoroutineGroup g = groups.group(k);
            out.add(new GroupSummary(g.count(), g.state().label(), g.waitReason(), g.entryFunction(),
                    g.leafFunction(), g.createdBy(), g.maxWaitMinutes()));
        }
        return out;
    }

    /** One row per suspect, in rank order. */
    public List<SuspectSummary> suspectSummaries() {
        return suspects.stream().map(s -> new SuspectSummary(s.rule().id(), s.count(), s.entryFunction())).toList();
    }

    /** A {@code groups} row of {@code summary --json}. */
    public record GroupSummary(int count, String state, String waitReason, String entryFunction, String leafFunction,
            String createdBy, int maxWaitMinutes) {
    }

    /** A {@code suspects} row of {@code summary --json}. */
    public record SuspectSummary(String rule, long count, String entryFunction) {
    }
}
