package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LaneLodTest {

    /** A lane of {@code n} intervals with random lengths (1 ns to 2 µs, a few of 1 ms) and kinds. */
    private static LaneLod randomLane(long seed, int n) {
        Random r = new Random(seed);
        StateLane.Builder b = new StateLane.Builder(false);
        long t = 1_000;
        byte[] kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            int state = r.nextInt(5);
            b.add(t, state, -1, -1);
            kinds[i] = (byte) SpanKind.ofState(state);
            t += r.nextInt(50) == 0 ? 1_000_000 : 1 + r.nextInt(2_000);
        }
        return new LaneLod(b.build(t), kinds);
    }

    private static final class Recorder implements LaneLod.Sink {
        final long[] byKind = new long[SpanKind.COUNT];
        final List<long[]> pieces = new ArrayList<>();
        int merged;
        int covered;

        @Override
        public void span(int index, long start, long end, int kind) {
            byKind[kind] += end - start;
            pieces.add(new long[] {start, end});
            covered++;
        }

        @Override
        public void merged(int first, int last, long start, long end, long[] timeByKind) {
            long sum = 0;
            for (int k = 0; k < timeByKind.length; k++) {
                byKind[k] += timeByKind[k];
                sum += timeByKind[k];
            }
            assertThat(sum).as("a merged run's kinds add up to its length").isEqualTo(end - start);
            pieces.add(new long[] {start, end});
            merged++;
            covered += last - first + 1;
        }
    }

    @Test
    void mergedRunsConserveTimePerStateAtEveryZoom() {
        LaneLod lod = randomLane(1, 20_000);
        StateLane lane = lod.lane();
        for (long cell : new long[] {1, 100, 5_000, 200_000, 50_000_000, Long.MAX_VALUE / 4}) {
            Recorder rec = new Recorder();
            lod.visit(lane.start(0), lane.end(), cell, rec);
            long[] expected = new long[SpanKind.COUNT];
            long[] byState = lane.timeByState(lane.start(0), lane.end());
            for (int s = 0; s < byState.length; s++) {
                expected[SpanKind.ofState(s)] += byState[s];
            }
            assertThat(rec.byKind).as("cell %d", cell).containsExactly(expected);
            assertThat(rec.covered).isEqualTo(lane.size());
        }
    }

    @Test
    void clippedRangeConservesTimeAndPiecesTileTheRange() {
        LaneLod lod = randomLane(7, 5_000);
        StateLane lane = lod.lane();
        long from = lane.start(1234) + 17;
        long to = lane.start(4000) - 3;
        Recorder rec = new Recorder();
        lod.visit(from, to, 30_000, rec);
        long[] expected = new long[SpanKind.COUNT];
        long[] byState = lane.timeByState(from, to);
        for (int s = 0; s < byState.length; s++) {
            expected[SpanKind.ofState(s)] += byState[s];
        }
        assertThat(rec.byKind).containsExactly(expected);
        assertThat(rec.pieces.get(0)[0]).isEqualTo(from);
        assertThat(rec.pieces.get(rec.pieces.size() - 1)[1]).isEqualTo(to);
        for (int i = 1; i < rec.pieces.size(); i++) {
            assertThat(rec.pieces.get(i)[0]).isEqualTo(rec.pieces.get(i - 1)[1]);
        }
    }

    @Test
    void pieceCountIsBoundedByCellsNotIntervals() {
        LaneLod lod = randomLane(3, 200_000);
        StateLane lane = lod.lane();
        long cell = (lane.end() - lane.start(0)) / 500;
        Recorder rec = new Recorder();
        lod.visit(lane.start(0), lane.end(), cell, rec);
        assertThat(rec.pieces.size()).isLessThanOrEqualTo(2 * 500 + 2);
        assertThat(rec.merged).isPositive();
    }

    @Test
    void waitReasonsMapToShadedKinds() {
        assertThat(SpanKind.ofWaitReason("chan receive")).isEqualTo(SpanKind.CHAN);
        assertThat(SpanKind.ofWaitReason("select")).isEqualTo(SpanKind.SELECT);
        assertThat(SpanKind.ofWaitReason("sync")).isEqualTo(SpanKind.SYNC);
        assertThat(SpanKind.ofWaitReason("network")).isEqualTo(SpanKind.IO);
        assertThat(SpanKind.ofWaitReason("sleep")).isEqualTo(SpanKind.SLEEP);
        assertThat(SpanKind.ofWaitReason("GC assist marking")).isEqualTo(SpanKind.GC);
        assertThat(SpanKind.ofWaitReason("preempted")).isEqualTo(SpanKind.WAITING);
        assertThat(StatePalette.color(SpanKind.RUNNING)).isNotEqualTo(StatePalette.color(SpanKind.RUNNABLE));
    }
}
