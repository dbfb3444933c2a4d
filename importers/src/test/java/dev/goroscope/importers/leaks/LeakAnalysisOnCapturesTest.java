package dev.goroscope.importers.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.CreationTree;
import dev.goroscope.model.analysis.DumpAnalysis;
import dev.goroscope.model.analysis.GoroutineGroup;
import dev.goroscope.model.analysis.GoroutineGroups;
import dev.goroscope.model.analysis.LeakDetector;
import dev.goroscope.model.analysis.LeakRule;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.analysis.SameObjects;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;


/** The leak analyses on real dumps, checked against what the programs that made them planted. */
class LeakAnalysisOnCapturesTest {
    private static final Path GO126 = Path.of("src/test/resources/leaks/go1.26");
    private static final Path GO119 = Path.of("src/test/resources/dumps/go1.19");

    private static GoroutineDump open(Path p) throws Exception {
        return Importers.all().open(p).dump();
    }

    private static JsonNode truth126() throws Exception {
        return new ObjectMapper().readTree(GO126.resolve("truth-excerpt.json").toFile());
    }

    @Test
    void go126GroupsFindEveryPlantedPopulationWithItsStatus() throws Exception {
        GoroutineDump d = open(GO126.resolve("dump-debug2.txt"));
        GoroutineGroups groups = GoroutineGroups.of(d);
        Map<String, Integer> byEntry = new HashMap<>();
        Map<String, String> statusOf = new HashMap<>();
        for (int k = 0; k < groups.size(); k++) {
            GoroutineGroup g = groups.group(k);
            byEntry.merge(g.entryFunction(), g.count(), Integer::sum);
            statusOf.put(g.entryFunction(), g.stateLabel());
        }
        for (JsonNode p : truth126().get("planted")) {
            String fn = p.get("func").asText();
            assertThat(byEntry.get(fn)).as(fn).isEqualTo(p.get("count").asInt());
            assertThat(statusOf.get(fn)).as(fn).isEqualTo(p.get("states").get(0).asText());
        }
        int locked = 0;
        for (int k = 0; k < groups.size(); k++) {
            locked += groups.group(k).lockedToThread();
        }
        assertThat(locked).isEqualTo(truth126().get("dump-debug2.txt").get("locked_to_thread").asInt());
    }

    @Test
    void go126SameObjectGathersTheMutexAndWaitGroupWaiters() throws Exception {
        GoroutineDump d = open(GO126.resolve("dump-debug2.txt"));
        GoroutineGroups groups = GoroutineGroups.of(d);
        SameObjects same = SameObjects.of(d, groups.pointers());
        Map<String, List<String>> membersByFunction = new HashMap<>();
        for (int b = 0; b < same.size(); b++) {
            List<String> entries = Arrays.stream(same.members(b))
                    .mapToObj(g -> groups.group(groups.groupOf(g)).entryFunction()).toList();
            membersByFunction.put(same.function(b), entries);
            assertThat(same.name(b)).isEqualTo(groups.pointers().name(same.address(b)));
        }
        assertThat(membersByFunction.get("internal/sync.(*Mutex).lockSlow")).containsOnly("main.leakMutexLock")
                .hasSize(4);
        assertThat(membersByFunction.get("sync.(*WaitGroup).Wait")).containsOnly("main.leakWaitGroupWait").hasSize(3);
    }

    @Test
    void go126CreationTreeRollsUpToCallSitesAndFindsTheExitedCreator() throws Exception {
        GoroutineDump d = open(GO126.resolve("dump-debug2.txt"));
        CreationTree t = CreationTree.of(d);
        Map<String, Integer> byCreator = new TreeMap<>();
        int orphans = 0;
        for (int n = 1; n < t.size(); n++) {
            String label = t.label(n);
            String creator = t.site(n) < 0 ? "(none)" : d.stacks().frames().functionName(t.site(n));
            byCreator.merge(creator, t.count(n), Integer::sum);
            orphans += t.orphans(n);
            if (label.startsWith("created by main.plantAll")) {
                assertThat(t.label(t.parent(n))).isEqualTo("no creator");
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        truth126().get("dump-debug2.txt").get("by_created_by").fields()
                .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
        assertThat(byCreator).isEqualTo(expected);
        assertThat(orphans).isEqualTo(3);
        assertThat(t.total(CreationTree.ROOT)).isEqualTo(d.size());
    }

    @Test
    void go126SuspectsUnderDefaultRules() throws Exception {
        DumpAnalysis a = DumpAnalysis.of(open(GO126.resolve("dump-debug2.txt")));
        assertThat(a.suspects()).extracting(s -> s.rule().id() + " " + s.count() + " " + s.entryFunction())
                .containsExactly("blocked-forever 3 main.leakNilChanReceive", "blocked-forever 2 main.leakNilChanSend",
                        "blocked-forever 1 main.leakSelectForever");
    }

    @Test
    void go126GoroutineLeakVerdictMatchesThePlantedLeaks() throws Exception {
        DumpAnalysis a = DumpAnalysis.of(open(GO126.resolve("goroutineleak-debug2.txt")));
        Map<String, Long> leaked = new TreeMap<>();
        for (LeakSuspect s : a.suspects()) {
            if (s.rule() == LeakRule.GOROUTINELEAK_PROFILE) {
                leaked.merge(s.entryFunction(), s.count(), Long::sum);
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode p : truth126().get("planted")) {
            if (p.get("leak_expected").asBoolean()) {
                expected.merge(p.get("func").asText(), p.get("count").asLong(), Long::sum);
            }
        }
        assertThat(leaked).isEqualTo(expected);
        assertThat(leaked.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(truth126().get("goroutineleak-debug2.txt").get("leaked_markers").asLong());
        assertThat(a.suspects().get(0).rule()).isEqualTo(LeakRule.GOROUTINELEAK_PROFILE);
    }

    @Test
    void go126GoroutineLeakProfileGivesTheSameVerdict() throws Exception {
        Dataset d = Importers.all().open(GO126.resolve("goroutineleak-debug1.txt"));
        Map<String, Long> leaked = new TreeMap<>();
        for (LeakSuspect s : new LeakDetector(LeakRules.DEFAULTS).detect(null, null, d.profiles())) {
            assertThat(s.rule()).isEqualTo(LeakRule.GOROUTINELEAK_PROFILE);
            leaked.merge(s.entryFunction(), s.count(), Long::sum);
        }
        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode p : truth126().get("planted")) {
            if (p.get("leak_expected").asBoolean()) {
                expected.merge(p.get("func").asText(), p.get("count").asLong(), Long::sum);
            }
        }
        assertThat(leaked).isEqualTo(expected);
    }

    @Test
    void go119GroupsMatchTheRecordedTopFramesAndCreators() throws Exception {
        GoroutineDump d = open(GO119.resolve("dump-debug2.txt"));
        GoroutineGroups groups = GoroutineGroups.of(d);
        Map<String, Integer> byLeaf = new TreeMap<>();
        Map<String, Integer> byCreator = new TreeMap<>();
        for (int k = 0; k < groups.size(); k++) {
            GoroutineGroup g = groups.group(k);
            byLeaf.merge(g.leafFunction(), g.count(), Integer::sum);
            byCreator.merge(g.createdBy() == null ? "(none)" : g.createdBy(), g.count(), Integer::sum);
        }
        JsonNode file = new ObjectMapper().readTree(GO119.resolve("truth.json").toFile()).get("files")
                .get("dump-debug2.txt");
        assertThat(byLeaf).isEqualTo(toMap(file.get("by_top_frame")));
        assertThat(byCreator).isEqualTo(toMap(file.get("by_created_by")));
        SameObjects same = SameObjects.of(d, groups.pointers());
        Map<String, Integer> sizes = new HashMap<>();
        for (int b = 0; b < same.size(); b++) {
            sizes.put(same.function(b), same.count(b));
        }
        assertThat(sizes).containsEntry("sync.(*Mutex).lockSlow", 3).containsEntry("sync.runtime_notifyListWait", 2);
    }

    private static Map<String, Integer> toMap(JsonNode obj) {
        Map<String, Integer> m = new TreeMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
