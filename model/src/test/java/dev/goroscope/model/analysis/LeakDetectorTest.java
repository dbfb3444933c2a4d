package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;


class LeakDetectorTest {
    private static final String MAIN = "main.main main.go:200";

    private static GoroutineDump dump() {
        TestDumps t = new TestDumps()
                .add(26, "chan receive (nil chan)", 0, MAIN, 1, "main.nilRecv main.go:34")
                .add(31, "select (no cases)", 3, MAIN, 1, "main.selectForever main.go:56")
                .add(18, "chan send", 4, MAIN, 1, "main.leakSend main.go:21")
                .add(19, "chan send", 25, MAIN, 1, "main.leakSend main.go:21")
                .add(20, "chan send", 40, MAIN, 1, "main.leakSend main.go:21")
                .add(40, "semacquire", 30, MAIN, 1, "sync.runtime_Semacquire sema.go:62",
                        "sync.(*WaitGroup).Wait waitgroup.go:139", "main.wgWait main.go:103")
                .add(38, "sync.Cond.Wait", 2, MAIN, 1, "sync.runtime_notifyListWait sema.go:517",
                        "sync.(*Cond).Wait cond.go:70", "main.condWait main.go:96")
                .add(5, "semacquire", 60, MAIN, 1, "sync.runtime_SemacquireMutex sema.go:77",
                        "sync.(*Mutex).lockSlow mutex.go:171", "main.lockMutex main.go:75");
        for (int i = 0; i < 3; i++) {
            t.add(60 + i, "IO wait", 0, MAIN, 1, "internal/poll.runtime_pollWait netpoll.go:305",
                    "main.readLoop main.go:" + (300 + i));
        }
        return t.build();
    }

    @Test
    void dumpRulesFireWithEvidenceRankedByCertainty() {
        GoroutineGroups groups = GoroutineGroups.of(dump());
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS.withManyAtOneSite(3)).detect(groups, null, List.of());
        assertThat(s).extracting(x -> x.rule().id() + " " + x.count() + " " + x.entryFunction()).containsExactly(
                "blocked-forever 1 main.nilRecv",
                "blocked-forever 1 main.selectForever",
                "blocked-channel 2 main.leakSend",
                "sync-wait 1 main.wgWait",
                "many-at-one-site 3 main.leakSend");
        assertThat(s.get(2).evidence()).isEqualTo("2 goroutines in chan send for 25-40 min (threshold 10 min)");
        assertThat(s.get(2).group()).isEqualTo(groups.groupOf(2));
        assertThat(s.get(3).evidence()).isEqualTo("1 goroutine in sync.(*WaitGroup).Wait (semacquire) for 30 min "
                + "(threshold 10 min)");
        assertThat(s.get(1).evidence()).isEqualTo("1 goroutine in select (no cases) for 3 min: nothing can ever wake them");
    }

    @Test
    void thresholdsAreEditable() {
        GoroutineGroups groups = GoroutineGroups.of(dump());
        LeakRules rules = LeakRules.DEFAULTS.withBlockedMinutes(0).withSyncWaitMinutes(0).withManyAtOneSite(3);
        List<LeakSuspect> s = new LeakDetector(rules).detect(groups, null, List.of());
        assertThat(s).extracting(x -> x.rule().id() + " " + x.count() + " " + x.entryFunction()).contains(
                "blocked-channel 3 main.leakSend", "sync-wait 1 main.condWait");
        assertThat(s).noneMatch(x -> x.entryFunction().equals("main.lockMutex"));
    }

    @Test
    void manyAtOneSiteSumsGroupsBlockedAtTheSameOwnFrame() {
        TestDumps t = new TestDumps();
        for (int i = 0; i < 4; i++) {
            t.add(10 + i, "chan receive", 0, "main.a main.go:1", 1, "main.recv main.go:9", "main.a main.go:2");
            t.add(20 + i, "chan receive", 0, "main.b main.go:3", 1, "main.recv main.go:9", "main.b main.go:4");
        }
        GoroutineGroups groups = GoroutineGroups.of(t.build());
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS.withManyAtOneSite(8)).detect(groups, null, List.of());
        assertThat(s).hasSize(1);
        assertThat(s.get(0).rule()).isEqualTo(LeakRule.MANY_AT_ONE_SITE);
        assertThat(s.get(0).count()).isEqualTo(8);
        assertThat(s.get(0).evidence()).isEqualTo("8 goroutines blocked at main.recv (main.go:9) in 2 groups (threshold 8)");
    }

    @Test
    void seriesGrowthBecomesASuspectLinkedToTheLatestGroup() {
        DiffKeys keys = new DiffKeys();
        GoroutineDump last = null;
        List<Snapshot> snaps = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            TestDumps t = new TestDumps();
            for (int i = 0; i < 5 * s; i++) {
                t.add(i, "chan send", 0, MAIN, 1, "main.leakSend main.go:21");
            }
            last = t.build();
            snaps.add(Snapshot.ofDump("s" + s, s * 30_000L, last, keys));
        }
        SeriesAnalysis series = SeriesAnalysis.of(snaps, LeakRules.DEFAULTS);
        GoroutineGroups groups = GoroutineGroups.of(last);
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS).detect(groups, series, List.of());
        assertThat(s).hasSize(1);
        assertThat(s.get(0).rule()).isEqualTo(LeakRule.GROWING);
        assertThat(s.get(0).count()).isEqualTo(20);
        assertThat(s.get(0).group()).isZero();
        assertThat(s.get(0).evidence()).isEqualTo("5 → 10 → 15 → 20 over 4 snapshots (+5.0 per snapshot, +10.0 per minute)");
    }

    @Test
    void theSameGoroutineStillWaitingInALaterSnapshotFiresWithoutHeaderMinutes() {
        DiffKeys keys = new DiffKeys();
        String[] wg = {"sync.runtime_SemacquireWaitGroup sema.go:114", "sync.(*WaitGroup).Wait waitgroup.go:118",
            "main.leakWaitGroupWait patterns.go:170"};
        GoroutineDump first = new TestDumps().add(40, "sync.WaitGroup.Wait", 0, MAIN, 1, wg)
                .add(41, "sync.WaitGroup.Wait", 0, MAIN, 1, wg).add(50, "chan receive", 0, MAIN, 1, "main.r main.go:9")
                .build();
        GoroutineDump later = new TestDumps().add(41, "sync.WaitGroup.Wait", 0, MAIN, 1, wg)
                .add(42, "sync.WaitGroup.Wait", 0, MAIN, 1, wg).add(50, "chan receive", 0, MAIN, 1, "main.r main.go:9")
                .build();
        SeriesAnalysis series = SeriesAnalysis.of(List.of(Snapshot.ofDump("a.txt", 0, first, keys),
                Snapshot.ofDump("b.txt", 12 * 60_000L, later, keys)), LeakRules.DEFAULTS);
        GoroutineGroups groups = GoroutineGroups.of(later);
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS).detect(groups, series, List.of());
        assertThat(s).extracting(x -> x.rule().id() + " " + x.count() + " " + x.evidence()).containsExactly(
                "blocked-channel 1 1 goroutine in chan receive already in the same state 12.0 min earlier (a.txt, "
                        + "same goroutine ids; threshold 10 min)",
                "sync-wait 1 1 goroutine in sync.(*WaitGroup).Wait (sync.WaitGroup.Wait) already in the same state "
                        + "12.0 min earlier (a.txt, same goroutine ids; threshold 10 min)");
        assertThat(new LeakDetector(LeakRules.DEFAULTS.withSyncWaitMinutes(15).withBlockedMinutes(15))
                .detect(groups, series, List.of())).isEmpty();
    }

    @Test
    void goroutinesMarkedLeakedAreProvenLeaks() {
        GoroutineDump d = new TestDumps().addLeaked(18, "chan send", "main.leakSend main.go:21")
                .addLeaked(19, "chan send", "main.leakSend main.go:21").add(20, "chan send", 0, null, -1,
                        "main.leakSend main.go:21").build();
        GoroutineGroups groups = GoroutineGroups.of(d);
        assertThat(groups.group(0).leaked()).isEqualTo(2);
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS.withBlockedMinutes(0)).detect(groups, null, List.of());
        assertThat(s).extracting(x -> x.rule().id() + " " + x.count() + " " + x.evidence()).containsExactly(
                "goroutineleak-profile 2 2 goroutines in chan send marked (leaked) by the goroutineleak profile: the GC "
                        + "found nothing that can wake them",
                "blocked-channel 3 3 goroutines in chan send (threshold 0 min)");
    }

    @Test
    void goroutineLeakProfileAndTimeAfterHeapProfile() {
        StackTable st = new StackTable();
        int gopark = st.frames().intern("runtime.gopark", "proc.go", 435);
        int leak = st.frames().intern("main.leakSend", "main.go", 21);
        int goexit = st.frames().intern("runtime.goexit", "asm_amd64.s", 1700);
        int leaked = st.internLeafFirst(new int[] {gopark, leak, goexit}, 3);
        Profile leakProfile = new Profile("goroutineleak", List.of(new SampleType("goroutine", "count")), 0, st,
                new int[] {leaked}, new long[][] {{4}});
        int newTimer = st.frames().intern("time.NewTimer", "sleep.go", 140);
        int after = st.frames().intern("time.After", "sleep.go", 200);
        int loop = st.frames().intern("main.timeAfterLoop", "main.go", 130);
        int timers = st.internLeafFirst(new int[] {newTimer, after, loop, goexit}, 4);
        Profile heap = new Profile("heap", List.of(new SampleType("alloc_objects", "count"),
                new SampleType("inuse_objects", "count")), 1, st, new int[] {timers}, new long[][] {{9000}, {1500}});
        List<LeakSuspect> s = new LeakDetector(LeakRules.DEFAULTS).detect(null, null, List.of(heap, leakProfile));
        assertThat(s).extracting(x -> x.rule().id() + " " + x.count() + " " + x.entryFunction() + " " + x.leafFunction())
                .containsExactly("goroutineleak-profile 4 main.leakSend main.leakSend",
                        "time-after-loop 1500 main.timeAfterLoop main.timeAfterLoop");
        assertThat(s.get(1).evidence()).isEqualTo(
                "1500 timer objects live by time.After in main.timeAfterLoop (heap profile; threshold 1000)");
        assertThat(new LeakDetector(LeakRules.DEFAULTS.withTimeAfterLiveTimers(2000)).detect(null, null, List.of(heap)))
                .isEmpty();
    }

    @Test
    void summaryRowsForTheCli() {
        DumpAnalysis a = DumpAnalysis.of(dump());
        assertThat(a.groupSummaries().get(0)).isEqualTo(new DumpAnalysis.GroupSummary(3, "waiting", "chan send",
                "main.leakSend", "main.leakSend", "main.main", 40));
        assertThat(a.suspectSummaries()).extracting(DumpAnalysis.SuspectSummary::rule)
                .containsExactly("blocked-forever", "blocked-forever", "blocked-channel", "sync-wait");
        assertThat(a.creationTree().total(CreationTree.ROOT)).isEqualTo(a.groups().dump().size());
        assertThat(a.sameObjects().size()).isZero();
    }
}
