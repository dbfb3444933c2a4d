package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small hand-built timeline: two goroutines, one P, CPU samples, one GC cycle. */
class TimelineTest {
    private final TimelineBuilder b = new TimelineBuilder();
    private final int chanStack;
    private final int sleepStack;
    private final int cpuStack;
    private final Timeline t;

    TimelineTest() {
        StackTable st = b.stacks();
        int main = st.frames().intern("main.main", "main.go", 10);
        chanStack = st.push(st.push(StackTable.EMPTY, main), st.frames().intern("runtime.chanrecv1", "chan.go", 1));
        sleepStack = st.push(st.push(StackTable.EMPTY, main), st.frames().intern("time.Sleep", "time.go", 2));
        cpuStack = st.push(StackTable.EMPTY, st.frames().intern("main.spin", "main.go", 20));
        int recv = b.strings().intern("chan receive");
        int sleep = b.strings().intern("sleep");
        int g1 = b.addGoroutine(1);
        int g2 = b.addGoroutine(7);
        b.goroutineCreated(g2, 100, 1, cpuStack, chanStack);
        b.goroutineState(g1, 0, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        b.goroutineState(g2, 100, GoroutineState.RUNNABLE, -1, cpuStack);
        b.goroutineState(g1, 200, GoroutineState.WAITING, recv, chanStack);
        b.goroutineState(g2, 200, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        b.goroutineState(g2, 600, GoroutineState.WAITING, sleep, sleepStack);
        b.goroutineState(g2, 700, GoroutineState.SYSCALL, -1, cpuStack);
        b.goroutineEnded(g2, 800);
        int p = b.addProc(0);
        b.procState(p, 0, GoroutineState.RUNNING, g1);
        b.procState(p, 200, GoroutineState.RUNNING, g2);
        b.procState(p, 600, GoroutineState.IDLE, -1);
        b.cpu().add(300, cpuStack, 7);
        b.cpu().add(400, cpuStack, 7);
        b.cpu().add(500, chanStack, 1);
        b.gc().open(250, -1);
        b.gcCycleBegan();
        b.countEvents(12);
        t = b.build(0, 1000);
    }

    @Test
    void cpuSamplesOfARangeAreAFlameGraphInput() {
        WeightedStacks all = t.cpuSamples();
        assertThat(all.totalWeight()).isEqualTo(3);
        WeightedStacks part = t.cpuSamples(350, 500);
        assertThat(part.stack()).containsExactly(cpuStack);
        assertThat(part.weight()).containsExactly(1);
        assertThat(part.unit()).isEqualTo("samples");
    }

    @Test
    void blockedStacksAreWeightedByTimeOffCpu() {
        WeightedStacks chan = t.blockedStacks(BlockClass.CHAN);
        assertThat(chan.stack()).containsExactly(chanStack);
        assertThat(chan.weight()).containsExactly(800);
        assertThat(t.blockedStacks(BlockClass.SLEEP).weight()).containsExactly(100);
        assertThat(t.blockedStacks(BlockClass.SYSCALL).weight()).containsExactly(100);
        assertThat(t.blockedStacks(BlockClass.CHAN, 900, 950).weight()).containsExactly(50);
        assertThat(t.blockedStacks(BlockClass.SELECT).size()).isZero();
    }

    @Test
    void lanesAndTablesAnswerQueries() {
        Goroutines gs = t.goroutines();
        assertThat(gs.indexOf(7)).isEqualTo(1);
        assertThat(gs.indexOf(8)).isEqualTo(-1);
        assertThat(gs.creatorId(1)).isEqualTo(1);
        assertThat(gs.createdNs(1)).isEqualTo(100);
        assertThat(gs.createdNs(0)).isEqualTo(Goroutines.UNKNOWN);
        assertThat(gs.endedNs(1)).isEqualTo(800);
        assertThat(gs.lane(1).end()).isEqualTo(800);
        assertThat(gs.lane(0).end()).isEqualTo(1000);
        StateLane p = t.procLane(0);
        assertThat(p.detail(p.indexAt(300))).isEqualTo(1);
        assertThat(p.state(p.indexAt(650))).isEqualTo(GoroutineState.IDLE);
        assertThat(t.gcRanges().size()).isEqualTo(1);
        assertThat(t.gcRanges().end(0)).as("a GC still running ends with the trace").isEqualTo(1000);
        assertThat(t.gcRanges().totalNs()).isEqualTo(750);
        assertThat(t.gcRanges().firstStartingAt(250)).isZero();
        assertThat(t.gcRanges().firstStartingAt(251)).isEqualTo(1);
        assertThat(t.procId(0)).isZero();
        assertThat(t.threadCount()).isZero();
        assertThat(t.annotations().taskCount() + t.annotations().regionCount() + t.annotations().logCount()).isZero();
    }

    @Test
    void derivedCountersFollowStateChangesAtMicrosecondResolution() {
        TimelineBuilder tb = new TimelineBuilder();
        int a = tb.addGoroutine(1);
        int c = tb.addGoroutine(2);
        tb.goroutineState(a, 0, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        tb.goroutineState(c, 10_000, GoroutineState.RUNNABLE, -1, StackTable.EMPTY);
        tb.goroutineState(c, 20_000, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        tb.goroutineEnded(c, 30_000);
        tb.goroutineState(a, 30_100, GoroutineState.RUNNABLE, -1, StackTable.EMPTY);
        tb.goroutineState(a, 30_200, GoroutineState.RUNNING, -1, StackTable.EMPTY);
        Timeline x = tb.build(0, 40_000);
        CounterSeries alive = x.counters().get("goroutines");
        assertThat(alive.valueAt(15_000)).isEqualTo(2);
        assertThat(alive.valueAt(35_000)).isEqualTo(1);
        assertThat(alive.max()).isEqualTo(2);
        CounterSeries runnable = x.counters().get("runnable");
        assertThat(runnable.valueAt(15_000)).isEqualTo(1);
        assertThat(runnable.valueAt(25_000)).isZero();
        assertThat(runnable.valueAt(35_000)).as("a burst within 1 us keeps its last value").isZero();
    }

    @Test
    void summaryAddsUpStateTimeAsGoToolsDo() {
        TraceSummary s = TraceSummary.of(t, List.of("w"));
        assertThat(s.events()).isEqualTo(12);
        assertThat(s.durationNs()).isEqualTo(1000);
        assertThat(s.goroutines()).isEqualTo(2);
        assertThat(s.procs()).isEqualTo(1);
        assertThat(s.gcCount()).isEqualTo(1);
        assertThat(s.warnings()).containsExactly("w");
        assertThat(s.stateTimeNsOrdered()).containsExactly(Map.entry("idle", 0L), Map.entry("runnable", 100L),
                Map.entry("running", 600L), Map.entry("syscall", 100L), Map.entry("waiting", 900L));
        assertThat(s.waitReasonTimeNs()).containsOnly(Map.entry("chan receive", 800L), Map.entry("sleep", 100L));
    }
}
