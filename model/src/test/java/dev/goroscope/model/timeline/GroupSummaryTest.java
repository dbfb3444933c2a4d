package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupSummaryTest {

    /** Lanes of random intervals (1 ns to 2 µs, a few of 1 ms) and kinds, starting at different times. */
    private static LaneLod[] randomLanes(long seed, int lanes, int n) {
        Random r = new Random(seed);
        LaneLod[] out = new LaneLod[lanes];
        for (int l = 0; l < lanes; l++) {
            StateLane.Builder b = new StateLane.Builder(false);
            long t = 1_000 + r.nextInt(100_000);
            byte[] kinds = new byte[n];
            for (int i = 0; i < n; i++) {
                int state = r.nextInt(5);
                b.add(t, state, -1, -1);
                kinds[i] = (byte) SpanKind.ofState(state);
                t += r.nextInt(50) == 0 ? 1_000_000 : 1 + r.nextInt(2_000);
            }
            out[l] = new LaneLod(b.build(t), kinds);
        }
        return out;
    }

    @Test
    void binsHoldEveryLanesTimePerKind() {
        LaneLod[] lanes = randomLanes(7, 12, 3_000);
        long end = 0;
        long[] want = new long[SpanKind.COUNT];
        for (LaneLod lod : lanes) {
            StateLane lane = lod.lane();
            end = Math.max(end, lane.end());
            for (int i = 0; i < lane.size(); i++) {
                want[lod.kind(i)] += lane.end(i) - lane.start(i);
            }
        }
        for (int bins : new int[] {1, 7, 4096}) {
            GroupSummary s = GroupSummary.of(lanes, 0, end, bins);
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
        LaneLod[] lanes = randomLanes(3, 5, 2_000);
        long end = 0;
        for (LaneLod lod : lanes) {
            end = Math.max(end, lod.lane().end());
        }
        GroupSummary s = GroupSummary.of(lanes, 0, end, 64);
        long[] got = new long[SpanKind.COUNT];
        for (int b = 0; b < s.bins(); b++) {
            long from = s.binStart(b);
            long to = b == s.bins() - 1 ? end : s.binStart(b + 1);
            long[] want = new long[SpanKind.COUNT];
            for (LaneLod lod : lanes) {
                long[] byState = lod.lane().timeByState(from, to);
                for (int st = 0; st < byState.length; st++) {
                    want[SpanKind.ofState(st)] += byState[st];
                }
            }
            s.timeByKind(b, b + 1, got);
            assertThat(got).as("bin %d", b).containsExactly(want);
            assertThat(s.binAt(from)).isEqualTo(b);
        }
    }
}
