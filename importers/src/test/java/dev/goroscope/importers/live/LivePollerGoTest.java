package dev.goroscope.importers.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.importers.Importers;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.SeriesRow;
import dev.goroscope.model.analysis.Snapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polls a real Go process: samples/progs/liveserver serves net/http/pprof on 127.0.0.1 and leaks goroutines at a
 * steady pace; the test then kills it mid-poll. Needs Go: runs only with {@code mvn -Pgo-checks test}.
 */
@Tag("go")
class LivePollerGoTest {
    @Test
    void watchesARealServiceGrowAndKeepsTheSeriesWhenItDies(@TempDir Path tmp) throws Exception {
        Path bin = tmp.resolve("liveserver");
        Process build = new ProcessBuilder("go", "build", "-trimpath", "-o", bin.toString(), "./progs/liveserver")
                .directory(Path.of("..", "samples").toFile()).inheritIO().start();
        assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
        Process server = new ProcessBuilder(bin.toString(), "-every", "100ms", "-per", "2", "-timeout", "60s")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).startsWith("listening on http://127.0.0.1:");
            String address = line.substring("listening on ".length());
            CountDownLatch six = new CountDownLatch(6);
            CountDownLatch stopped = new CountDownLatch(1);
            LivePoller poller = LivePoller.start(address, LivePoller.Options.DEFAULTS
                    .withInterval(Duration.ofMillis(250)).withMaxConsecutiveFailures(2), new LivePoller.Listener() {
                        @Override
                        public void snapshot(Snapshot snapshot, int count) {
                            six.countDown();
                        }

                        @Override
                        public void failed(String problem, int inARow) {
                        }

                        @Override
                        public void stopped(String reason) {
                            stopped.countDown();
                        }
                    }, tmp.resolve("spool"), Importers.all());
            assertThat(six.await(30, TimeUnit.SECONDS)).isTrue();
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
            int collected = poller.snapshots().size();
            assertThat(collected).isGreaterThanOrEqualTo(6);
            SeriesAnalysis a = poller.analyse(LeakRules.DEFAULTS);
            SeriesRow stuck = a.rows().stream().filter(r -> r.entryFunction().equals("main.stuckReceiver"))
                    .findFirst().orElseThrow();
            assertThat(stuck.waitReason()).isEqualTo("chan receive");
            assertThat(stuck.growing()).isTrue();
            assertThat(stuck.perMinute()).isGreaterThan(300);
            assertThat(a.rows().stream().filter(r -> r.entryFunction().equals("main.worker")).findFirst()
                    .orElseThrow().counts()).containsOnly(3);
            assertThat(poller.save(tmp.resolve("saved"))).hasSize(collected);
        } finally {
            server.destroyForcibly();
        }
    }
}
