package dev.goroscope.importers.chrometrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import dev.goroscope.importers.CancelledProgress;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A cancel that comes once the JSON is read still stops the import while the spans are nested. */
class ChromeCancelAfterReadingTest {
    @Test
    void nestingTheSpansStopsWhenCancelled() throws IOException, ImportException {
        String resource = "chrome/go/test-encoding-json.json.gz";
        ImportSource source = TestFiles.source(resource);
        TraceEventReader events;
        try (InputStream in = source.open(); JsonParser p = Json.parser(in, ImportLimits.DEFAULT)) {
            events = new TraceEventReader(resource, p, new Checkpoint(Progress.NONE, resource, -1));
            events.read();
        }
        ThreadProfiles profiles = new ThreadProfiles(resource, events, ImportLimits.DEFAULT,
                new Checkpoint(CancelledProgress.INSTANCE, resource, -1));

        ImportException e = catchThrowableOfType(profiles::dataset, ImportException.class);

        assertThat(e.getMessage()).isEqualTo(resource + ": while nesting the spans: cancelled");
    }
}
