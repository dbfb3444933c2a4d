package dev.goroscope.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goroscope.importers.chrometrace.ChromeTraceImporter;
import dev.goroscope.importers.dump.DebugOneImporter;
import dev.goroscope.importers.dump.DumpImporter;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.importers.pprof.PprofImporter;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;
import dev.goroscope.importers.trace.TraceImporter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A load can always be cancelled: every importer, given a large real file and a user who cancels at the first
 * progress report, stops with "cancelled" having read at most a megabyte more of the file, and within a moment.
 */
class CancellationTest {
    private static final int MiB = 1 << 20;
    /** A read buffer or a few thousand records: what an importer may take in the ms before it sees the cancel. */
    private static final int MOST_BYTES_AFTER_CANCEL = MiB;

    static Stream<Arguments> importers() {
        return Stream.of(
                // a dump is parsed in chunks (8 MiB, here 1 MiB, on both cores) and reports progress after each
                load(new DumpImporter(2, MiB), () -> RepeatedInputs.dump(4 * MiB)),
                load(new DebugOneImporter(), () -> RepeatedInputs.debugOne(2 * MiB)),
                load(new FoldedImporter(),
                        () -> RepeatedInputs.folded("folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt", 2 * MiB)),
                load(new SchedTraceImporter(), () -> RepeatedInputs.schedTrace(2 * MiB)),
                load(new SpeedscopeImporter(), () -> RepeatedInputs.speedscope(2 * MiB)),
                load(new ChromeTraceImporter(), () -> RepeatedInputs.chromeTrace(2 * MiB)),
                load(new PprofImporter(), () -> RepeatedInputs.pprof(4 * MiB)),
                // the largest real traces at hand; a trace reports progress every 128 KiB
                load(new TraceImporter(), () -> TestFiles.bytes("traces/v1/stress_1_7_good")),
                load(new TraceImporter(), () -> TestFiles.bytes("traces/v2/traceutils-1.25-test-encoding-json.trace")));
    }

    private static Arguments load(Importer importer, Supplier<byte[]> content) {
        return Arguments.of(importer.name(), importer, content);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importers")
    void stopsSoonAfterTheUserCancels(String name, Importer importer, Supplier<byte[]> content) {
        byte[] bytes = content.get();
        CountingSource source = new CountingSource(Importers.bytesSource("big", bytes));
        CancelAtFirstUpdate progress = new CancelAtFirstUpdate(source.read);

        ImportException e = catchThrowableOfType(() -> importer.read(source, progress), ImportException.class);
        long stoppedAt = System.nanoTime();

        assertThat(e).as("%s must stop when cancelled", name).isNotNull();
        assertThat(e.file()).isEqualTo("big");
        assertThat(e.problem()).isEqualTo("cancelled");
        assertThat(source.read.get() - progress.readAtCancel)
                .as("bytes read after the cancel").isLessThanOrEqualTo(MOST_BYTES_AFTER_CANCEL);
        assertThat(source.read.get()).as("bytes read in all").isLessThan(bytes.length);
        // the bound on bytes is the exact one; time only guards against a stall (the machine is shared)
        assertThat((stoppedAt - progress.cancelledAt) / 1_000_000).as("ms from cancel to stop").isLessThan(2000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importers")
    void givesUpOnceTheTimeLimitHasPassed(String name, Importer importer, Supplier<byte[]> content) {
        ImportSource source = Importers.bytesSource("big", content.get(),
                ImportLimits.DEFAULT.withMaxTime(Duration.ofNanos(1)));

        ImportException e = catchThrowableOfType(() -> new Importers(List.of(importer)).read(source, Progress.NONE),
                ImportException.class);

        assertThat(e).as("%s must stop at its time limit", name).isNotNull();
        assertThat(e.file()).isEqualTo("big");
        assertThat(e.problem()).isEqualTo("gave up after 0 ms, the longest Goroscope spends on one file");
    }

    @Test
    void aUserWhoCancelsWithinTheTimeLimitIsToldItWasCancelled() {
        byte[] bytes = RepeatedInputs.dump(4 * MiB);
        ImportSource source = Importers.bytesSource("big", bytes);
        CancelAtFirstUpdate progress = new CancelAtFirstUpdate(new AtomicLong());

        ImportException e = catchThrowableOfType(() -> Importers.all().read(source, progress), ImportException.class);

        assertThat(e.problem()).isEqualTo("cancelled");
    }

    /** A user who presses cancel as soon as the first progress report arrives. */
    private static final class CancelAtFirstUpdate implements Progress {
        private final AtomicLong read;
        private volatile boolean cancelled;
        long cancelledAt;
        long readAtCancel;

        CancelAtFirstUpdate(AtomicLong read) {
            this.read = read;
        }

        @Override
        public void update(long done, long total) {
            if (!cancelled) {
                cancelledAt = System.nanoTime();
                readAtCancel = read.get();
                cancelled = true;
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    /** Counts the bytes the importer takes from the source. */
    private static final class CountingSource implements ImportSource {
        final AtomicLong read = new AtomicLong();
        private final ImportSource inner;

        CountingSource(ImportSource inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public InputStream open() throws IOException {
            return new FilterInputStream(inner.open()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read.addAndGet(n);
                    }
                    return n;
                }
            };
        }

        @Override
        public long length() {
            return inner.length();
        }
    }
}
