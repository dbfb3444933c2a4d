package dev.goroscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.TraceSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** {@code summary --json}: one JSON object, keys in a fixed order. */
final class SummaryJson {
    private SummaryJson() {
    }

    static void write(Summary s, Dataset d, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", s.file());
            g.writeStringField("format", s.format());
            g.writeStringField("goVersion", s.goVersion());
            g.writeFieldName("goroutines");
            if (s.goroutines() == null) {
                g.writeNull();
            } else {
                g.writeNumber(s.goroutines());
            }
            g.writeFieldName("states");
            if (s.states() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                for (Map.Entry<GoroutineState, Long> e : s.states().entrySet()) {
                    g.writeNumberField(e.getKey().label(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeFieldName("waitReasons");
            counts(g, s.waitReasons());
            g.writeNumberField("distinctStacks", s.distinctStacks());
            g.writeFieldName("sampleTypes");
            strings(g, s.sampleTypes());
            g.writeFieldName("totals");
            counts(g, s.totals());
            g.writeStringField("topSampleType", s.topSampleType());
            g.writeFieldName("top");
            g.writeStartArray();
            for (Summary.TopFunction e : s.top()) {
                g.writeStartObject();
                g.writeStringField("function", e.function());
                g.writeNumberField("self", e.self());
                g.writeNumberField("total", e.total());
                g.writeEndObject();
            }
            g.writeEndArray();
            LeakSummaryJson.writeFields(g, d);
            if (s.trace() != null) {
                traceFields(g, s.trace());
            }
            g.writeFieldName("warnings");
            strings(g, s.warnings());
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** The figures of an execution trace, by the rules {@link TraceSummary} documents. */
    private static void traceFields(JsonGenerator g, TraceSummary t) throws IOException {
        g.writeNumberField("events", t.events());
        g.writeNumberField("durationNs", t.durationNs());
        g.writeFieldName("stateTimeNs");
        counts(g, t.stateTimeNsOrdered());
        g.writeFieldName("waitReasonTimeNs");
        counts(g, t.waitReasonTimeNs());
        g.writeNumberField("procs", t.procs());
        g.writeNumberField("gcCount", t.gcCount());
    }

    private static void counts(JsonGenerator g, Map<String, Long> counts) throws IOException {
        if (counts == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, List<String> list) throws IOException {
        g.writeStartArray();
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
