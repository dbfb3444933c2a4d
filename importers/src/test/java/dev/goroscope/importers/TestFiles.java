package dev.goroscope.importers;

import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Test inputs from src/test/resources and ways to look at what an importer made of them. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportSource source(String resource) {
        return Importers.bytesSource(resource, bytes(resource));
    }

    /** A source named {@code name} holding {@code text} as UTF-8. */
    public static ImportSource text(String name, String text) {
        return Importers.bytesSource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code n} bytes of a resource as a source of the same name. */
    public static ImportSource truncated(String resource, int n) {
        return Importers.bytesSource(resource, Arrays.copyOf(bytes(resource), n));
    }

    /** One line of {@code size} bytes of {@code c} (a "10 MB single line"). */
    public static ImportSource oneLongLine(String name, int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return Importers.bytesSource(name, b);
    }

    /** Bytes that are no text and no JSON: a NUL-laden binary blob. */
    public static ImportSource binary(String name) {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >> 3));
        }
        return Importers.bytesSource(name, b);
    }

    /** The gzip magic bytes followed by garbage: a corrupt compressed file. */
    public static ImportSource corruptGzip(String name) {
        byte[] b = new byte[512];
        b[0] = 0x1f;
        b[1] = (byte) 0x8b;
        b[2] = 8;
        for (int i = 10; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        return Importers.bytesSource(name, b);
    }

    /** A profile's samples as folded text, {@code "a;b;c" -> summed value} of one column. */
    public static Map<String, Long> folded(Profile p, int column) {
        return folded(p.weightedStacks(column));
    }

    /** Weighted stacks as folded text, {@code "a;b;c" -> summed weight}. */
    public static Map<String, Long> folded(WeightedStacks w) {
        Map<String, Long> out = new TreeMap<>();
        StackTable stacks = w.stacks();
        FrameTable frames = stacks.frames();
        for (int s = 0; s < w.size(); s++) {
            StringBuilder sb = new StringBuilder();
            for (int f : stacks.framesRootFirst(w.stack()[s])) {
                sb.append(sb.length() == 0 ? "" : ";").append(frames.functionName(f));
            }
            out.merge(sb.toString(), w.weight()[s], Long::sum);
        }
        return out;
    }

    /** The deepest stack of a profile's samples. */
    public static int maxDepth(Profile p) {
        int d = 0;
        for (int s : p.sampleStack()) {
            d = Math.max(d, p.stacks().depth(s));
        }
        return d;
    }
}
