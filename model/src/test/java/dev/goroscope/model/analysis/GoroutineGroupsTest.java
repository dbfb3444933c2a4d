package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GoroutineGroupsTest {
    private static final String MAIN = "main.main main.go:207";

    /** Four senders (two at another line), two receivers, one runnable sender, one runtime-only goroutine. */
    private static GoroutineDump dump() {
        return new TestDumps()
                .add(18, "chan send", 3, MAIN, 1, "main.leakSend main.go:21")
                .add(19, "chan send", 12, MAIN, 1, "main.leakSend main.go:21")
                .add(20, "chan send", 70, MAIN, 1, "main.leakSend main.go:22")
                .add(21, "chan send", 0, MAIN, 1, "main.leakSend main.go:21")
                .add(22, "chan receive", 0, MAIN, 1, "main.leakRecv main.go:27")
                .add(23, "chan receive", 0, MAIN, 1, "main.leakRecv main.go:27")
                .add(24, "runnable", 0, MAIN, 1, "main.leakSend main.go:21")
                .add(2, "force gc (idle)", 0, "runtime.init.7 proc.go:336", -1, "runtime.gopark proc.go:398",
                        "runtime.goparkunlock proc.go:404", "runtime.forcegchelper proc.go:322")
                .build();
    }

    @Test
    void exactLinesSplitByLineStateAndReason() {
        GoroutineGroups groups = GoroutineGroups.of(dump());
        assertThat(groups.size()).isEqualTo(5);
        int senders = groups.groupOf(0);
        assertThat(groups.count(senders)).isEqualTo(3);
        assertThat(groups.members(senders)).containsExactly(0, 1, 3);
        GoroutineGroup g = groups.group(senders);
        assertThat(g.state()).isEqualTo(GoroutineState.WAITING);
        assertThat(g.waitReason()).isEqualTo("chan send");
        assertThat(g.entryFunction()).isEqualTo("main.leakSend");
        assertThat(g.leafFunction()).isEqualTo("main.leakSend");
        assertThat(g.createdBy()).isEqualTo("main.main");
        assertThat(g.createdByLine()).isEqualTo("main.go:207");
        assertThat(g.minWaitMinutes()).isZero();
        assertThat(g.maxWaitMinutes()).isEqualTo(12);
        assertThat(g.waitHistogram()).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(WaitHistogram.label(WaitHistogram.bucket(12))).isEqualTo("5-14 min");
        assertThat(WaitHistogram.label(WaitHistogram.bucket(5000))).isEqualTo("≥ 1 day");
        assertThat(groups.options()).isEqualTo(GroupingOptions.DEFAULT);
        assertThat(groups.groupOf(6)).isNotEqualTo(senders);
    }

    @Test
    void groupsAreFoundByTheirEntryAndLeafFunctionLargestFirst() {
        GoroutineGroups groups = GoroutineGroups.of(dump());
        int[] senders = groups.withFunctions("main.leakSend", "main.leakSend");
        assertThat(senders).hasSize(3);
        assertThat(Arrays.stream(senders).map(groups::count)).containsExactly(3, 1, 1);
        assertThat(Arrays.stream(senders).map(groups::count).sum()).isEqualTo(5);
        assertThat(groups.withFunctions("main.leakRecv", "main.leakRecv")).containsExactly(groups.groupOf(4));
        assertThat(groups.withFunctions("main.leakRecv", "main.leakSend")).isEmpty();
        assertThat(groups.withFunctions("main.gone", "main.gone")).isEmpty();
    }

    @Test
    void sameFunctionsMergeLines() {
        GoroutineGroups groups = GoroutineGroups.of(dump(), GroupingOptions.DEFAULT
                .withStackMatch(GroupingOptions.StackMatch.FUNCTIONS));
        assertThat(groups.size()).isEqualTo(4);
        assertThat(groups.count(groups.groupOf(0))).isEqualTo(4);
        assertThat(groups.group(groups.groupOf(0)).maxWaitMinutes()).isEqualTo(70);
    }

    @Test
    void runtimeOnlyStackFallsBackToItsOwnFramesAndSortsLastForMyCodeFirst() {
        GoroutineGroups groups = GoroutineGroups.of(dump());
        GoroutineGroup gc = groups.group(groups.groupOf(7));
        assertThat(gc.entryFunction()).isEqualTo("runtime.forcegchelper");
        assertThat(gc.leafFunction()).isEqualTo("runtime.gopark");
        assertThat(gc.stdlibOnly()).isTrue();
        int[] mine = groups.order(GroupOrder.MY_CODE_FIRST);
        assertThat(mine[mine.length - 1]).isEqualTo(groups.groupOf(7));
        assertThat(mine[0]).isEqualTo(groups.groupOf(0));
        assertThat(groups.order(GroupOrder.LONGEST_WAIT)[0]).isEqualTo(groups.groupOf(2));
    }

    @Test
    void topFramesIgnoresCallersAndCreator() {
        GoroutineDump d = new TestDumps()
                .add(5, "semacquire", 0, "main.main a.go:1", 1, "sync.runtime_SemacquireMutex sema.go:77",
                        "sync.(*Mutex).lockSlow mutex.go:171", "main.a a.go:10")
                .add(6, "semacquire", 0, "main.other a.go:2", 1, "sync.runtime_SemacquireMutex sema.go:77",
                        "sync.(*Mutex).lockSlow mutex.go:171", "main.b a.go:20")
                .build();
        assertThat(GoroutineGroups.of(d).size()).isEqualTo(2);
        GoroutineGroups top2 = GoroutineGroups.of(d, GroupingOptions.DEFAULT.withTopFrames(2));
        assertThat(top2.size()).isEqualTo(1);
        assertThat(top2.count(0)).isEqualTo(2);
    }

    @Test
    void lockedToThreadIsCounted() {
        GoroutineDump d = new TestDumps().addLocked(14, "chan receive", 0, "main.lockedWaiter main.go:147")
                .addLocked(15, "chan receive", 0, "main.lockedWaiter main.go:147").build();
        assertThat(GoroutineGroups.of(d).group(0).lockedToThread()).isEqualTo(2);
    }

    private static GoroutineDump mutexWaiters() {
        String[] frames = {"sync.(*Mutex).lockSlow mutex.go:171", "main.lockMutex main.go:75"};
        return new TestDumps()
                .addWithArgs(5, "semacquire", MAIN, 1, frames, new String[] {"0xc000092968", "0xc000092968, 0x1?"})
                .addWithArgs(6, "semacquire", MAIN, 1, frames, new String[] {"0xc000092968", "0xc000092968, 0x7?"})
                .addWithArgs(7, "semacquire", MAIN, 1, frames, new String[] {"0xc0000a0000", "0xc0000a0000, 0x5?"})
                .addWithArgs(8, "semacquire", MAIN, 1, frames, new String[] {"0xc0000a0000", "0xc0000a0000, 0x2"})
                .build();
    }

    @Test
    void argumentMatchModes() {
        GoroutineDump d = mutexWaiters();
        assertThat(GoroutineGroups.of(d).size()).isEqualTo(1);
        GoroutineGroups ignorePointers = GoroutineGroups.of(d, GroupingOptions.DEFAULT
                .withArgumentMatch(GroupingOptions.ArgumentMatch.IGNORE_POINTERS));
        assertThat(ignorePointers.size()).isEqualTo(2);
        assertThat(ignorePointers.members(0)).containsExactly(0, 1, 2);
        GoroutineGroups exact = GoroutineGroups.of(d, GroupingOptions.DEFAULT
                .withArgumentMatch(GroupingOptions.ArgumentMatch.EXACT));
        assertThat(exact.size()).isEqualTo(3);
        assertThat(exact.members(0)).containsExactly(0, 1);
    }

    @Test
    void argumentsNamePointersStablyAndStarWordsThatDiffer() {
        GoroutineGroups groups = GoroutineGroups.of(mutexWaiters());
        assertThat(groups.pointers().name(0xc000092968L)).isEqualTo("#1");
        assertThat(groups.pointers().name(0xc0000a0000L)).isEqualTo("#2");
        assertThat(groups.arguments(0, 0)).isEqualTo("*");
        assertThat(groups.arguments(0, 1)).isEqualTo("*, *");
        GoroutineGroups exact = GoroutineGroups.of(mutexWaiters(), GroupingOptions.DEFAULT
                .withArgumentMatch(GroupingOptions.ArgumentMatch.EXACT));
        assertThat(exact.arguments(0, 0)).isEqualTo("#1");
        assertThat(exact.arguments(0, 1)).isEqualTo("#1, *");
        assertThat(exact.arguments(2, 1)).isEqualTo("#2, 0x2");
    }

    @Test
    void sameObjectGathersGoroutinesSharingAPointer() {
        GoroutineDump d = mutexWaiters();
        SameObjects same = SameObjects.of(d, Pointers.of(d));
        assertThat(same.size()).isEqualTo(2);
        assertThat(same.name(0)).isEqualTo("#1");
        assertThat(same.address(0)).isEqualTo(0xc000092968L);
        assertThat(same.function(0)).isEqualTo("sync.(*Mutex).lockSlow");
        assertThat(same.members(0)).containsExactly(0, 1);
        assertThat(same.members(1)).containsExactly(2, 3);
    }

    @Test
    void pointersAreWordsInArenasWithSeveralDistinctWordsOrAtTheLegacyHeapHints() {
        // Go 1.26 randomises the heap base: growing/ step 1 shows poolWorker(0x2df6c018e0e0, 0x2df6c018e150).
        GoroutineDump d = new TestDumps()
                .addWithArgs(21, "select", MAIN, 1, new String[] {"main.poolWorker main.go:58"},
                        new String[] {"0x2df6c018e0e0, 0x2df6c018e150"})
                .addWithArgs(32, "sleep", MAIN, 1, new String[] {"time.Sleep time.go:195"},
                        new String[] {"0x34630b8a000"})
                .addWithArgs(42, "IO wait", MAIN, 1, new String[] {"main.acceptForever main.go:109"},
                        new String[] {"{0x788f30, 0xc0000a6258}, 0x0?"})
                .build();
        Pointers p = Pointers.of(d);
        assertThat(p.isPointer(0x2df6c018e0e0L)).isTrue();
        assertThat(p.isPointer(0x2df6c0000000L)).isTrue();
        assertThat(p.isPointer(0xc0000a6258L)).isTrue();
        assertThat(p.isPointer(0x34630b8a000L)).isFalse();
        assertThat(p.isPointer(0x788f30L)).isFalse();
        assertThat(p.isPointer(0L)).isFalse();
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.name(0x2df6c018e150L)).isEqualTo("#2");
        assertThat(Pointers.isLegacyHeapAddress(0x1c000100000L)).isTrue();
    }

    @Test
    void groupsPartitionTheDump() {
        GoroutineDump d = dump();
        GoroutineGroups groups = GoroutineGroups.of(d);
        int sum = 0;
        for (int k = 0; k < groups.size(); k++) {
            sum += groups.count(k);
            for (int m : groups.members(k)) {
                assertThat(groups.groupOf(m)).isEqualTo(k);
                assertThat(d.stack(m)).isEqualTo(d.stack(groups.representative(k)));
            }
            assertThat(Arrays.stream(groups.group(k).waitHistogram()).sum()).isEqualTo(groups.count(k));
        }
        assertThat(sum).isEqualTo(d.size());
    }
}
