package dev.goroscope.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.importers.chrometrace.ChromeTraceImporter;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interchange importers are registered, picked by content, and do not claim other formats' files. */
class StackFormatsRegistryTest {
    @ParameterizedTest
    @CsvSource({
        "folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt, folded stacks",
        "folded/speedscope/simple-utf16-be.txt, folded stacks",
        "speedscope/0.0.1/simple.speedscope.json, speedscope JSON",
        "chrome/speedscope/simple-partial.json, Chrome trace JSON",
        "chrome/go/test-encoding-json.json.gz, Chrome trace JSON",
        "schedtrace/go1.19/schedtrace.txt, GODEBUG=schedtrace with scheddetail=1",
        "schedtrace/go1.26/schedtrace.txt, GODEBUG=schedtrace",
    })
    void importersAllPicksTheRightReader(String resource, String format) throws ImportException {
        assertThat(Importers.all().read(TestFiles.source(resource), Progress.NONE).format()).isEqualTo(format);
    }

    @Test
    void noInterchangeImporterClaimsAGoroutineDump() throws IOException, URISyntaxException {
        List<Importer> ours = List.of(new FoldedImporter(), new SpeedscopeImporter(), new ChromeTraceImporter(),
                new SchedTraceImporter());
        Path dumps = Path.of(TestFiles.class.getResource("/dumps").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dumps)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("LICENSES")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            int n = Math.min(b.length, Importers.HEAD_BYTES);
            for (Importer imp : ours) {
                assertThat(imp.sniff(b, n)).as(imp.name() + " on " + dumps.relativize(f))
                        .isEqualTo(Importer.Confidence.NO);
            }
        }
    }
}
