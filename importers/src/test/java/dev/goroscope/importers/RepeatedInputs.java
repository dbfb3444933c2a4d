package dev.goroscope.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goroscope.importers.pprof.proto.PprofProto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Large inputs for load tests (cancellation, memory), made from real samples by repeating their records until the
 * content is at least {@code minBytes} long. Nothing here is hand-written content.
 */
public final class RepeatedInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepeatedInputs() {
    }

    /** The Go 1.19 debug=2 dump, whole, again and again (a file of many dumps). */
    public static byte[] dump(int minBytes) {
        return repeat(new byte[0], TestFiles.bytes("dumps/go1.19/dump-debug2.txt"), minBytes);
    }

    /** The Go 1.19 debug=1 profile: its header line, then its records again and again. */
    public static byte[] debugOne(int minBytes) {
        String text = new String(TestFiles.bytes("dumps/go1.19/dump-debug1.txt"), StandardCharsets.UTF_8);
        int firstRecord = text.indexOf('\n') + 1;
        return repeat(text.substring(0, firstRecord).getBytes(StandardCharsets.UTF_8),
                (text.substring(firstRecord).stripTrailing() + "\n\n").getBytes(StandardCharsets.UTF_8), minBytes);
    }

    /** The folded stacks of {@code resource}, again and again. */
    public static byte[] folded(String resource, int minBytes) {
        return repeat(new byte[0], TestFiles.bytes(resource), minBytes);
    }

    /** The Go 1.26 scheddetail log, again and again. */
    public static byte[] schedTrace(int minBytes) {
        return repeat(new byte[0], TestFiles.bytes("schedtrace/go1.26/schedtrace-detail.txt"), minBytes);
    }

    /** speedscope's two-sampled example with its first profile's samples and weights repeated. */
    public static byte[] speedscope(int minBytes) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(TestFiles.bytes("speedscope/0.6.0/two-sampled.speedscope.json"));
            ObjectNode profile = (ObjectNode) root.get("profiles").get(0);
            String samples = elements(profile.remove("samples"));
            String weights = elements(profile.remove("weights"));
            int copies = minBytes / (samples.length() + weights.length()) + 1;
            String rest = JSON.writeValueAsString(root);
            String start = "\"profiles\":[{";
            int cut = rest.indexOf(start) + start.length();
            return (rest.substring(0, cut) + "\"samples\":[" + repeat(samples, copies) + "],\"weights\":["
                    + repeat(weights, copies) + "]," + rest.substring(cut)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace events Go 1.19's {@code go tool trace} wrote for a test run, again and again. */
    public static byte[] chromeTrace(int minBytes) {
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(TestFiles.bytes("chrome/go/test-encoding-json.json.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int open = text.indexOf('[', text.indexOf("\"traceEvents\""));
            String events = text.substring(open + 1, text.lastIndexOf(']'));
            return ("{\"traceEvents\":[" + repeat(events, minBytes / events.length() + 1) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Go 1.26 goroutine profile (protobuf) with its samples repeated. */
    public static byte[] pprof(int minBytes) {
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(TestFiles.bytes("pprof/go1.26/goroutine.pb.gz")))) {
            PprofProto.Profile profile = PprofProto.Profile.parseFrom(in);
            long sampleBytes = 0;
            for (PprofProto.Sample s : profile.getSampleList()) {
                sampleBytes += s.getSerializedSize() + 3;
            }
            PprofProto.Profile.Builder many = profile.toBuilder();
            for (long size = profile.getSerializedSize(); size < minBytes; size += sampleBytes) {
                many.addAllSample(profile.getSampleList());
            }
            return many.build().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The elements of a JSON array as text, without the brackets. */
    private static String elements(JsonNode array) throws IOException {
        String text = JSON.writeValueAsString(array);
        return text.substring(1, text.length() - 1);
    }

    private static String repeat(String elements, int copies) {
        StringBuilder sb = new StringBuilder(copies * (elements.length() + 1));
        for (int i = 0; i < copies; i++) {
            sb.append(i == 0 ? "" : ",").append(elements);
        }
        return sb.toString();
    }

    private static byte[] repeat(byte[] head, byte[] body, int minBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(minBytes + body.length + head.length);
        out.writeBytes(head);
        while (out.size() < minBytes) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
