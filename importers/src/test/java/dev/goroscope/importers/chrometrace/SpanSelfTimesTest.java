package dev.goroscope.importers.chrometrace;

import static dev.goroscope.importers.TestFiles.folded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.stack.WeightedStacks;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.SpanSelfTimes;
import dev.goroscope.model.timeline.Timeline;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Self times of the span lanes of a real Chrome trace (Go 1.19's {@code go tool trace}) within time ranges. */
class SpanSelfTimesTest {
    private final Dataset dataset = read();
    private final Timeline timeline = dataset.timeline();

    private static Dataset read() {
        try {
            return new ChromeTraceImporter().read(TestFiles.source("chrome/go/test-encoding-json.json.gz"),
                    Progress.NONE);
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void overTheWholeTraceEachLaneGivesItsThreadsProfile() {
        assertThat(dataset.profiles()).hasSizeGreaterThan(3);
        for (var profile : dataset.profiles()) {
            SpanLane lane = timeline.spanLanes().stream().filter(l -> l.name().equals(profile.name())).findFirst()
                    .orElseThrow();
            WeightedStacks whole = SpanSelfTimes.of(List.of(lane), timeline.strings(), Long.MIN_VALUE,
                    Long.MAX_VALUE, () -> false);
            assertThat(folded(whole)).as(lane.name()).isEqualTo(folded(profile, 0));
        }
    }

    @Test
    void aRangeKeepsTheClippedTimeOfTheOutermostSpans() {
        long from = timeline.startNs() + timeline.durationNs() / 3;
        long to = timeline.startNs() + timeline.durationNs() / 2;
        WeightedStacks range = SpanSelfTimes.of(timeline.spanLanes(), timeline.strings(), from, to, () -> false);
        long clipped = 0;
        for (SpanLane lane : timeline.spanLanes()) {
            for (int i = 0; lane.depths() > 0 && i < lane.size(0); i++) {
                clipped += Math.max(0, Math.min(lane.end(0, i), to) - Math.max(lane.start(0, i), from));
            }
        }
        assertThat(clipped).isPositive();
        assertThat(range.totalWeight()).isEqualTo(clipped);
        assertThat(java.util.Arrays.stream(range.weight()).min().orElseThrow()).isPositive();
        assertThat(range.unit()).isEqualTo("nanoseconds");
    }

    @Test
    void anEmptyRangeHasNoStacksAndCancellingStops() {
        assertThat(SpanSelfTimes.of(timeline.spanLanes(), timeline.strings(), timeline.endNs() + 1,
                timeline.endNs() + 5, () -> false).size()).isZero();
        assertThatThrownBy(() -> SpanSelfTimes.of(timeline.spanLanes(), timeline.strings(), Long.MIN_VALUE,
                Long.MAX_VALUE, () -> true)).isInstanceOf(CancellationException.class);
    }
}
