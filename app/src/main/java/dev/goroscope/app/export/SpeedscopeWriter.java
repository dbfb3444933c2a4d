package dev.goroscope.app.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.FrameTable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Writes a call tree in speedscope's file format (https://www.speedscope.app/file-format-schema.json): one
 * "sampled" profile with one sample per path that stacks end at, weighted by the weight ending there. Frames are
 * shared per function, with the file and line of the first frame of it the tree met, as the flame graph merges
 * them. Streams through Jackson's generator, writing every non-ASCII character as a \\u escape so that any name,
 * even one with a surrogate that has lost its pair, reads back exactly whatever the output's encoding.
 */
public final class SpeedscopeWriter {
    static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";

    private SpeedscopeWriter() {
    }

    /** Writes {@code tree} as a profile called {@code name}; flushes {@code out} but leaves it open. */
    public static void write(CallTree tree, String name, Writer out) throws IOException {
        FrameTable frames = tree.frames();
        int[] frameIndex = new int[frames.strings().size()];
        Arrays.fill(frameIndex, -1);
        int[] order = new int[tree.size()];
        int count = 0;
        for (int n = 1; n < tree.size(); n++) {
            if (frameIndex[tree.function(n)] < 0) {
                frameIndex[tree.function(n)] = count;
                order[count++] = n;
            }
        }
        JsonFactory json = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeObjectFieldStart("shared");
            g.writeArrayFieldStart("frames");
            for (int i = 0; i < count; i++) {
                int node = order[i];
                g.writeStartObject();
                g.writeStringField("name", tree.name(node));
                int frame = tree.frame(node);
                if (frame >= 0 && !frames.fileName(frame).isEmpty()) {
                    g.writeStringField("file", frames.fileName(frame));
                    if (frames.line(frame) > 0) {
                        g.writeNumberField("line", frames.line(frame));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("profiles");
            g.writeStartObject();
            g.writeStringField("type", "sampled");
            g.writeStringField("name", name);
            g.writeStringField("unit", unit(tree.input().unit()));
            g.writeNumberField("startValue", 0);
            g.writeNumberField("endValue", tree.total(CallTree.ROOT));
            samples(tree, frameIndex, g);
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("name", name);
            g.writeNumberField("activeProfileIndex", 0);
            g.writeStringField("exporter", "goroscope");
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The "samples" (frame index paths, outermost first) and their "weights", in pre-order. */
    private static void samples(CallTree tree, int[] frameIndex, JsonGenerator g) throws IOException {
        int[] path = new int[tree.maxDepth() + 1];
        g.writeArrayFieldStart("samples");
        for (int n = 0; n < tree.size(); n++) {
            int d = tree.depth(n);
            if (n != CallTree.ROOT) {
                path[d - 1] = frameIndex[tree.function(n)];
            }
            if (tree.self(n) != 0) {
                g.writeArray(path, 0, d);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("weights");
        for (int n = 0; n < tree.size(); n++) {
            if (tree.self(n) != 0) {
                g.writeNumber(tree.self(n));
            }
        }
        g.writeEndArray();
    }

    /** Speedscope's unit for ours: time and bytes as such, counts of anything as "none". */
    static String unit(String unit) {
        return switch (unit) {
            case "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes" -> unit;
            default -> "none";
        };
    }
}
