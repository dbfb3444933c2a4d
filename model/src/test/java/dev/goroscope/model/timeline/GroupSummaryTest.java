package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class GroupSummaryTest {

    /** No wait reasons: every interval counts under the kind of its state. */
    private static final byte[] NO_REASONS = new byte[0];

    /**
     * Lanes of random intervals (1 ns to 2 µs, a few of 1 ms) in random states without reasons, starting at
     * different times.
     */
    private static StateLane[] randomLanes(long seed, int lanes, int n) {
        Random r = new Random(seed);
        StateLane[] out = new StateLane[lanes];
        for (int l = 0; l < lanes; l++) {
            StateLane.Builder b = new StateLane.Builder(false);
            long t = 1_000 + r.nextInt(100_000);
            for (int i = 0; i < n; i++) {
                b.add(t, r.nextInt(5), -1, -1);
                t += r.nextInt(50) == 0 ? 1_000_000 : 1 + r.nextInt(2_000);
            }
            out[l] = b.build(t);
        }
        return out;
    }

    private static GroupSummary summary(StateLane[] lanes, long end, int bins) {
        return GroupSummary.of(lanes, NO_REASONS, 0, end, bins, () -> false);
    }

    @Test
    void binsHoldEveryLanesTimePerKind() {
        StateLane[] lanes = randomLanes(7, 12, 3_000);
        long end = 0;
        long[] want = new long[SpanKind.COUNT];
        for (StateLane lane : lanes) {
            end = Math.max(end, lane.end());
            for (int i = 0; i < lane.size(); i++) {
                want[SpanKind.ofState(lane.stateOrdinal(i))] += lane.end(i) - lane.start(i);
            }
        }
        for (int bins : new int[] {1, 7, 4096}) {
            GroupSummary s = summary(lanes, end, bins);
            long[] got = new long[SpanKind.COUNT];
            long total = s.timeByKind(0, s.bins(), got);
            assertThat(got).as("%d bins", bins).containsExactly(want);
            long sum = 0;
            for (long v : want) {
                sum += v;
            }
            assertThat(total).isEqualTo(sum);
        }
    }

    @Test
    void aBinHoldsOnlyTheTimeInsideIt() {
        StateLane[] lanes = randomLanes(3, 5, 2_000);
        long end = 0;
        for (StateLane lane : lanes) {
            end = Math.max(end, lane.end());
        }
        GroupSummary s = summary(lanes, end, 64);
        long[] got = new long[SpanKind.COUNT];
        for (int b = 0; b < s.bins(); b++) {
            long from = s.binStart(b);
            long to = b == s.bins() - 1 ? end : s.binStart(b + 1);
            long[] want = new long[SpanKind.COUNT];
            for (StateLane lane : lanes) {
                long[] byState = lane.timeByState(from, to);
                for (int st = 0; st < byState.length; st++) {
                    want[SpanKind.ofState(st)] += byState[st];
                }
            }
            s.timeByKind(b, b + 1, got);
            assertThat(got).as("bin %d", b).containsExactly(want);
            assertThat(s.binAt(from)).isEqualTo(b);
        }
    }

    @Test
    void aCancelledBuildStops() {
        StateLane[] lanes = randomLanes(5, 3, 100);
        assertThatThrownBy(() -> GroupSummary.of(lanes, NO_REASONS, 0, 1_000_000_000L, 16, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
