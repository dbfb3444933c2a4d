package dev.goroscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.DumpAnalysis;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.LeakDetector;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import java.io.IOException;
import java.util.List;

/**
 * The leak fields of {@code summary --json}: {@code groups} ({@code [{count, state, waitReason, entryFunction,
 * leafFunction, createdBy, maxWaitMinutes}]}, largest first; null when the file holds no dump) and {@code suspects}
 * ({@code [{rule, count, entryFunction}]}, most certain first), under the default grouping and rules.
 */
public final class LeakSummaryJson {
    private LeakSummaryJson() {
    }

    /** Writes the {@code groups} and {@code suspects} fields into the JSON object being written. */
    public static void writeFields(JsonGenerator g, Dataset d) throws IOException {
        g.writeFieldName("groups");
        List<LeakSuspect> suspects;
        if (d.dump() == null) {
            g.writeNull();
            suspects = new LeakDetector(LeakRules.DEFAULTS).detect(null, null, d.profiles());
        } else {
            DumpAnalysis a = DumpAnalysis.of(d.dump(), GroupingOptions.DEFAULT,
                    LeakRules.DEFAULTS, d.profiles(), null);
            g.writeStartArray();
            for (DumpAnalysis.GroupSummary s : a.groupSummaries()) {
                g.writeStartObject();
                g.writeNumberField("count", s.count());
                g.writeStringField("state", s.state());
                g.writeStringField("waitReason", s.waitReason());
                g.writeStringField("entryFunction", s.entryFunction());
                g.writeStringField("leafFunction", s.leafFunction());
                g.writeStringField("createdBy", s.createdBy());
                g.writeNumberField("maxWaitMinutes", s.maxWaitMinutes());
                g.writeEndObject();
            }
            g.writeEndArray();
            suspects = a.suspects();
        }
        g.writeArrayFieldStart("suspects");
        for (LeakSuspect s : suspects) {
            g.writeStartObject();
            g.writeStringField("rule", s.rule().id());
            g.writeNumberField("count", s.count());
            g.writeStringField("entryFunction", s.entryFunction());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
