package dev.goroscope.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who unblocked each goroutine, against Go's own reader: every waiting-to-runnable transition that
 * samples/progs/traceunblocks (golang.org/x/exp/trace) printed for a trace, in the {@code .unblocks.csv} beside it,
 * must be in the timeline at the same time with the same unblocking goroutine (or none), and the timeline must hold
 * no other unblocking.
 */
class UnblockConformanceTest {
    private static final Path CAPTURES = Path.of("..", "samples", "captures", "go1.26");

    static Stream<Path> traces() {
        Stream<Path> ours = Stream.of(CAPTURES.resolve("trace.out"));
        return Stream.concat(ours, TraceFiles.list("v2", ".trace").stream());
    }

    private static Path csvOf(Path trace) {
        String name = trace.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        return trace.resolveSibling(stem + ".unblocks.csv");
    }

    /** goroutine id, time, unblocking goroutine id (-1: none) per row. */
    private static List<long[]> expected(Path trace) throws Exception {
        List<long[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csvOf(trace), StandardCharsets.UTF_8)) {
            if (!line.startsWith("goroutine,")) {
                String[] f = line.split(",");
                out.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyUnblockingMatchesGosReader(Path trace) throws Exception {
        Timeline t = TraceFiles.read(trace.getFileName().toString(), TraceFiles.bytes(trace)).timeline();
        Goroutines gs = t.goroutines();
        List<long[]> rows = expected(trace);
        assertThat(rows).isNotEmpty();
        for (long[] row : rows) {
            int g = gs.indexOf(row[0]);
            assertThat(g).as("goroutine %d", row[0]).isNotNegative();
            StateLane lane = gs.lane(g);
            int i = lane.indexAt(row[1]);
            assertThat(i).as("G%d at %d", row[0], row[1]).isPositive();
            assertThat(lane.start(i)).as("G%d unblocked at", row[0]).isEqualTo(row[1]);
            assertThat(lane.state(i - 1)).isEqualTo(GoroutineState.WAITING);
            int by = gs.unblockerOf(g, i - 1);
            long byId = by == StateLane.BY_RUNTIME ? -1 : gs.id(by);
            assertThat(byId).as("G%d at %d unblocked by", row[0], row[1]).isEqualTo(row[2]);
        }
        assertThat(countUnblockings(gs)).as("unblockings in the timeline").isEqualTo(rows.size());
    }

    private static int countUnblockings(Goroutines gs) {
        int n = 0;
        for (int g = 0; g < gs.size(); g++) {
            StateLane.Cursor c = gs.lane(g).cursor(0);
            while (c.next()) {
                if (c.cause() != StateLane.NO_CAUSE) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void v1UnblockingGoroutinesWereRunningWhenTheyUnblocked() throws Exception {
        Path p = TraceFiles.dir("v1").resolve("stress_1_21_good");
        Timeline t = TraceFiles.read("stress_1_21_good", TraceFiles.bytes(p)).timeline();
        Goroutines gs = t.goroutines();
        int byGoroutine = 0;
        int byRuntime = 0;
        for (int g = 0; g < gs.size(); g++) {
            StateLane lane = gs.lane(g);
            for (int i = 0; i + 1 < lane.size(); i++) {
                int by = gs.unblockerOf(g, i);
                if (by >= 0) {
                    StateLane unblocker = gs.lane(by);
                    int at = unblocker.indexAt(lane.end(i));
                    assertThat(at).as("G%d alive when it unblocked G%d", gs.id(by), gs.id(g)).isNotNegative();
                    assertThat(unblocker.state(at)).isEqualTo(GoroutineState.RUNNING);
                    assertThat(lane.state(i + 1)).isEqualTo(GoroutineState.RUNNABLE);
                    byGoroutine++;
                } else if (by == StateLane.BY_RUNTIME) {
                    byRuntime++;
                }
            }
        }
        assertThat(byGoroutine).isGreaterThan(100);
        assertThat(byRuntime).isPositive();
    }
}
