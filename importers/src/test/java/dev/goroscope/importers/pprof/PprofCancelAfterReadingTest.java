package dev.goroscope.importers.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goroscope.importers.CancelledProgress;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.importers.support.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A cancel that comes once the protobuf is decoded still stops the import while the samples are resolved. */
class PprofCancelAfterReadingTest {
    @Test
    void resolvingTheSamplesStopsWhenCancelled() throws IOException, ImportException {
        String resource = "pprof/go1.26/cpu.pb.gz";
        RawProfile raw;
        try (InputStream in = Importers.bytesSource(resource, TestFiles.bytes(resource)).open()) {
            raw = new PprofDecoder(resource, Progress.NONE, -1, ImportLimits.DEFAULT).decode(in);
        }
        PprofResolver resolver = new PprofResolver(resource, raw, ImportLimits.DEFAULT,
                new Checkpoint(CancelledProgress.INSTANCE, resource, -1));

        ImportException e = catchThrowableOfType(resolver::resolve, ImportException.class);

        assertThat(e.getMessage()).isEqualTo(resource + ": while resolving the samples: cancelled");
    }
}
