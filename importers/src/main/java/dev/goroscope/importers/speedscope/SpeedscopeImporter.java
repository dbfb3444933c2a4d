package dev.goroscope.importers.speedscope;

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

/**
 * speedscope's own JSON format (https://www.speedscope.app/file-format-schema.json): frames shared by several
 * profiles, each "sampled" (stacks of frame indices with weights) or "evented" (open/close events in time). Each
 * profile becomes one {@link dev.goroscope.model.profile.Profile} named as in the file. The file is read with a
 * streaming parser; its top-level keys may come in any order (frames after the profiles using them).
 */
public final class SpeedscopeImporter implements Importer {
    @Override
    public String name() {
        return "speedscope JSON";
    }

    /** A {@code "$schema"} naming speedscope, or both {@code "shared"} and {@code "profiles"} at the top level. */
    @Override
    public Confidence sniff(byte[] head, int length) {
        boolean shared = false;
        boolean profiles = false;
        try (JsonParser p = Json.parser(head, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Confidence.NO;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("$schema") && value == JsonToken.VALUE_STRING && p.getText().contains("speedscope")) {
                    return Confidence.YES;
                }
                shared |= key.equals("shared") && value == JsonToken.START_OBJECT;
                profiles |= key.equals("profiles") && value == JsonToken.START_ARRAY;
                if (shared && profiles) {
                    return Confidence.YES;
                }
                p.skipChildren();
            }
        } catch (IOException endOfHeadOrNotJson) {
            return shared || profiles ? Confidence.MAYBE : Confidence.NO;
        }
        return shared || profiles ? Confidence.MAYBE : Confidence.NO;
    }

    @Override
    public Dataset read(ImportSource source, Progress progress) throws ImportException {
        String file = source.name();
        try (InputStream in = source.open()) {
            JsonParser p = Json.parser(in, source.limits());
            try (p) {
                return new SpeedscopeReader(file, p, new Checkpoint(progress, file, source.length()),
                        source.limits()).read();
            } catch (IOException e) {
                throw Json.error(file, p, e, source.limits());
            }
        } catch (IOException e) {
            throw Json.error(file, null, e);
        }
    }
}
