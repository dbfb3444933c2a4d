package dev.goroscope.importers.chrometrace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.Json;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Chrome's Trace Event Format (chrome://tracing, Perfetto's JSON, {@code go tool trace}'s view data): a bare array
 * of events, whose closing bracket may be missing, or an object with {@code "traceEvents"}. Per thread (pid, tid)
 * the B/E/X spans are nested (see {@link SpanNesting}) and their self times make one profile of
 * {@code time/nanoseconds}; other phases (counters, instants, flows, async, samples) are counted in a warning.
 */
public final class ChromeTraceImporter implements Importer {
    /** Top-level keys of the object form besides "traceEvents" (which may come late). */
    private static final Set<String> OBJECT_KEYS = Set.of("displayTimeUnit", "systemTraceEvents", "otherData",
            "stackFrames", "samples", "metadata", "powerTraceAsString", "controllerTraceDataKey");

    @Override
    public String name() {
        return "Chrome trace JSON";
    }

    /** An object whose keys include "traceEvents", or an array whose first element is an object with "ph". */
    @Override
    public Confidence sniff(byte[] head, int length) {
        boolean traceLike = false;
        try (JsonParser p = Json.parser(head, length)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return Confidence.NO;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.currentName().equals("ph")) {
                        return Confidence.YES;
                    }
                    traceLike |= p.currentName().equals("ts");
                    p.nextToken();
                    p.skipChildren();
                }
            } else if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.currentName().equals("traceEvents")) {
                        return Confidence.YES;
                    }
                    traceLike |= OBJECT_KEYS.contains(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (IOException endOfHeadOrNotJson) {
            return traceLike ? Confidence.MAYBE : Confidence.NO;
        }
        return traceLike ? Confidence.MAYBE : Confidence.NO;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String file = source.name();
        TraceEventReader events;
        Checkpoint checkpoint = new Checkpoint(progress, file, source.length());
        try (InputStream in = source.open()) {
            JsonParser p = Json.parser(in, source.limits());
            try (p) {
                events = new TraceEventReader(file, p, checkpoint);
                events.read();
            } catch (IOException e) {
                throw Json.error(file, p, e, source.limits());
            }
        } catch (IOException e) {
            throw Json.error(file, null, e);
        }
        return new ThreadProfiles(file, events, source.limits(), checkpoint).dataset();
    }
}
