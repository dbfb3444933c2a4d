package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StateLaneTest {
    /** One interval as plain values, the reference the packed lane is checked against. */
    record Iv(long start, int state, int detail, int stack, int cause) {
    }

    private static StateLane build(List<Iv> ivs, long end) {
        StateLane.Builder b = new StateLane.Builder(true);
        for (Iv iv : ivs) {
            b.add(iv.start, iv.state, iv.detail, iv.stack, iv.cause);
        }
        return b.build(end);
    }

    private static List<Iv> intervals(List<Long> gaps, List<Integer> codes) {
        List<Iv> out = new ArrayList<>();
        long t = 1_000_000_000_000L;
        for (int i = 0; i < gaps.size(); i++) {
            t += gaps.get(i);
            int c = codes.get(i % codes.size());
            out.add(new Iv(t, Math.floorMod(c, 5), c % 7 == 0 ? -1 : Math.abs(c % 50_000),
                    c % 3 == 0 ? StackTable.EMPTY : Math.abs(c),
                    c % 11 == 0 ? StateLane.BY_RUNTIME : c % 2 == 0 ? StateLane.NO_CAUSE : c % 100_000));
        }
        return out;
    }

    @Property(tries = 200)
    void packedIntervalsReadBackExactly(@ForAll @Size(min = 1, max = 120) List<@LongRange(min = 0, max = 5_000_000_000L) Long> gaps,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 2_000_000) Integer> codes) {
        List<Iv> ivs = intervals(gaps, codes);
        long end = ivs.get(ivs.size() - 1).start + 10;
        StateLane lane = build(ivs, end);
        assertThat(lane.size()).isEqualTo(ivs.size());
        StateLane.Cursor c = lane.cursor(0);
        for (int i = 0; i < ivs.size(); i++) {
            Iv want = ivs.get(i);
            long wantEnd = i + 1 < ivs.size() ? ivs.get(i + 1).start : end;
            assertThat(c.next()).isTrue();
            assertThat(new long[] {c.start(), c.end(), c.stateOrdinal(), c.detail(), c.stack(), c.cause()})
                    .containsExactly(want.start, wantEnd, want.state, want.detail, want.stack, want.cause);
            assertThat(new long[] {lane.start(i), lane.end(i), lane.stateOrdinal(i), lane.detail(i), lane.stack(i),
                lane.cause(i)}).containsExactly(want.start, wantEnd, want.state, want.detail, want.stack, want.cause);
        }
        assertThat(c.next()).isFalse();
    }

    @Property(tries = 200)
    void firstEndingAfterIsTheFirstIntervalThatEndsLater(
            @ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 1000) Long> gaps,
            @ForAll @LongRange(min = 999_999_999_000L, max = 1_000_000_090_000L) long t) {
        List<Iv> ivs = intervals(gaps, List.of(1, 2, 3));
        long end = ivs.get(ivs.size() - 1).start + 5;
        StateLane lane = build(ivs, end);
        int want = ivs.size();
        for (int i = 0; i < ivs.size(); i++) {
            long e = i + 1 < ivs.size() ? ivs.get(i + 1).start : end;
            if (e > t) {
                want = i;
                break;
            }
        }
        assertThat(lane.firstEndingAfter(t)).isEqualTo(want);
    }

    @Test
    void aLongLaneSpansManyBlocksAndReadsBack() {
        StateLane.Builder b = new StateLane.Builder(true);
        int n = 300_000;
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += 1 + (i * 7919L) % 100_000_000L;
            b.add(t, i % 5, i % 3 == 0 ? -1 : i, i % 4 == 0 ? StackTable.EMPTY : i * 31);
            if (i % 1000 == 999) {
                b.add(t + 1, 4, 1, 1);
                b.removeLast();
            }
        }
        StateLane lane = b.build(t + 1);
        StateLane.Cursor c = lane.cursor(0);
        long want = 0;
        for (int i = 0; i < n; i++) {
            want += 1 + (i * 7919L) % 100_000_000L;
            assertThat(c.next()).isTrue();
            if (c.start() != want || c.stateOrdinal() != i % 5 || c.detail() != (i % 3 == 0 ? -1 : i)
                    || c.stack() != (i % 4 == 0 ? StackTable.EMPTY : i * 31)) {
                throw new AssertionError("interval " + i + " reads back wrong");
            }
        }
        assertThat(c.next()).isFalse();
        assertThat(lane.start(n - 1)).isEqualTo(want);
        assertThat(lane.firstEndingAfter(want - 1)).isEqualTo(n - 2);
        assertThat(lane.firstEndingAfter(want)).isEqualTo(n - 1);
    }

    @Test
    void timeByStateClipsToTheRange() {
        StateLane.Builder b = new StateLane.Builder(true);
        b.add(100, GoroutineState.RUNNABLE.ordinal(), -1, StackTable.EMPTY);
        b.add(150, GoroutineState.RUNNING.ordinal(), -1, StackTable.EMPTY);
        b.add(400, GoroutineState.WAITING.ordinal(), 3, 7);
        StateLane lane = b.build(1000);
        long[] all = lane.timeByState(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all[GoroutineState.RUNNABLE.ordinal()]).isEqualTo(50);
        assertThat(all[GoroutineState.RUNNING.ordinal()]).isEqualTo(250);
        assertThat(all[GoroutineState.WAITING.ordinal()]).isEqualTo(600);
        long[] part = lane.timeByState(120, 500);
        assertThat(part[GoroutineState.RUNNABLE.ordinal()]).isEqualTo(30);
        assertThat(part[GoroutineState.RUNNING.ordinal()]).isEqualTo(250);
        assertThat(part[GoroutineState.WAITING.ordinal()]).isEqualTo(100);
        assertThat(lane.indexAt(99)).isEqualTo(-1);
        assertThat(lane.indexAt(150)).isEqualTo(1);
        assertThat(lane.indexAt(1000)).isEqualTo(-1);
    }

    @Test
    void removeLastDropsTheOpenIntervalEvenOnACheckpoint() {
        StateLane.Builder b = new StateLane.Builder(false);
        for (int i = 0; i < StateLane.CHECKPOINT; i++) {
            b.add(10L * i, i % 2, i, 99);
        }
        b.add(1000, 4, 1, -1);
        b.removeLast();
        b.add(2000, 3, 2, -1);
        StateLane lane = b.build(3000);
        assertThat(lane.size()).isEqualTo(StateLane.CHECKPOINT + 1);
        assertThat(lane.start(StateLane.CHECKPOINT)).isEqualTo(2000);
        assertThat(lane.stateOrdinal(StateLane.CHECKPOINT)).isEqualTo(3);
        assertThat(lane.stack(0)).as("P and M lanes keep no stacks").isEqualTo(StackTable.EMPTY);
        assertThat(lane.end(StateLane.CHECKPOINT - 1)).isEqualTo(2000);
    }
}
