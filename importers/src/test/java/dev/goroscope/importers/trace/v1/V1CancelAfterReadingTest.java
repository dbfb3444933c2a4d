package dev.goroscope.importers.trace.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.importers.trace.CancelPoll;
import dev.goroscope.importers.trace.ReadStopped;
import dev.goroscope.importers.trace.TraceHeader;
import dev.goroscope.importers.trace.TraceInput;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cancel that comes after the last byte is read still stops an old-format trace: ordering and replay poll. */
class V1CancelAfterReadingTest {
    private static V1Reader.Result read(String resource, CancelPoll poll) throws Exception {
        byte[] bytes = TestFiles.bytes(resource);
        TraceHeader h = TraceHeader.parse(bytes, bytes.length);
        TraceInput in = new TraceInput(new ByteArrayInputStream(bytes));
        in.skip(TraceHeader.SIZE);
        return new V1Reader(h.minor(), ImportLimits.DEFAULT.maxStrings()).read(in, poll);
    }

    @Test
    void aCancelBeforeOrderingStopsThere() {
        ReadStopped e = catchThrowableOfType(() -> read("traces/v1/stress_1_7_good", new CancelPoll(() -> true)),
                ReadStopped.class);

        assertThat(e.where()).isEqualTo("while ordering the events");
        assertThat(e.problem()).isEqualTo("cancelled");
    }

    @Test
    void aCancelDuringTheReplayStopsIt() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        read("traces/v1/stress_1_7_good", new CancelPoll(() -> polls.incrementAndGet() < 0));
        int last = polls.get();

        AtomicInteger seen = new AtomicInteger();
        ReadStopped e = catchThrowableOfType(() -> read("traces/v1/stress_1_7_good",
                new CancelPoll(() -> seen.incrementAndGet() == last)), ReadStopped.class);

        assertThat(last).as("polls in a whole read: three between phases, more while merging and replaying")
                .isGreaterThan(3);
        assertThat(e.where()).isEqualTo("while replaying the events");
    }
}
