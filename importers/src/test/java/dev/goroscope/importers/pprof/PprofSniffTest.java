package dev.goroscope.importers.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer.Confidence;
import dev.goroscope.importers.Importers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PprofSniffTest {
    private final PprofImporter importer = new PprofImporter();

    static Stream<Path> resources() throws IOException, URISyntaxException {
        Path root = Path.of(PprofSniffTest.class.getResource("/pprof").toURI());
        return Files.walk(root).filter(Files::isRegularFile).sorted();
    }

    static Stream<Path> profiles() throws IOException, URISyntaxException {
        return resources().filter(p -> !p.toString().contains("/legacy/") && !p.toString().contains("/LICENSES/")
                && !p.toString().endsWith(".txt") && !p.toString().endsWith(".txt.gz") && !p.toString().endsWith(".md"));
    }

    static Stream<Path> texts() throws IOException, URISyntaxException {
        return resources().filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"));
    }

    private Confidence sniff(Path p) throws ImportException, IOException {
        byte[] head = new byte[Importers.HEAD_BYTES];
        try (InputStream in = Importers.fileSource(p).open()) {
            int n = in.readNBytes(head, 0, head.length);
            return importer.sniff(head, n);
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyRealProfileIsRecognised(Path p) throws Exception {
        assertThat(sniff(p)).isEqualTo(Confidence.YES);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void textIsNeverClaimed(Path p) throws Exception {
        assertThat(sniff(p)).isEqualTo(Confidence.NO);
    }

    @Test
    void legacyProfilesAreClaimedOnlyToExplainThemselves() throws Exception {
        for (String f : new String[] {"go.crc32.cpu", "gobench.cpu", "gobench.heap", "cppbench.contention"}) {
            assertThat(sniff(PprofConformanceTest.resource("legacy/" + f))).as(f).isEqualTo(Confidence.MAYBE);
        }
        assertThat(sniff(PprofConformanceTest.resource("legacy/go.godoc.thread"))).isEqualTo(Confidence.NO);
    }

    @Test
    void executionTracesAndJsonAreNotProfiles() {
        // hand-written: the 16-byte header every Go execution trace starts with
        byte[] trace = "go 1.22 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importer.sniff(trace, trace.length)).isEqualTo(Confidence.NO);
        // hand-written: the opening of a speedscope / Chrome trace JSON file
        byte[] json = "{\"traceEvents\":[".getBytes(StandardCharsets.UTF_8);
        assertThat(importer.sniff(json, json.length)).isEqualTo(Confidence.NO);
    }
}
