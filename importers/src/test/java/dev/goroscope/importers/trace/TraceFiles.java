package dev.goroscope.importers.trace;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test traces under src/test/resources/traces (see NOTICE there). */
final class TraceFiles {
    private TraceFiles() {
    }

    static Path dir(String sub) {
        try {
            return Path.of(TraceFiles.class.getResource("/traces/" + sub).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> list(String sub, String suffix) {
        try (Stream<Path> s = Files.list(dir(sub))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset read(String name, byte[] content) throws ImportException {
        return new TraceImporter().read(Importers.bytesSource(name, content), Progress.NONE);
    }
}
