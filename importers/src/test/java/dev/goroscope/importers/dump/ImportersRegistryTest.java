package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Importers.all() recognises every capture from its content (also gzipped) and hands it to the right importer. */
class ImportersRegistryTest {
    static java.util.List<String> dumps() {
        return Fixtures.DUMPS;
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void dumpsAreRecognised(String resource) throws Exception {
        byte[] content = Fixtures.bytes(resource);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        for (byte[] bytes : new byte[][] {content, out.toByteArray()}) {
            Dataset data = Importers.all().read(Importers.bytesSource(resource, bytes), Progress.NONE);
            assertThat(data.format()).startsWith("goroutine dump");
            assertThat(data.dump().size()).isEqualTo(Fixtures.parse(resource).dump().size());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dumps/go1.19/dump-debug1.txt", "dumps/google-pprof/go.godoc.thread"})
    void debugOneProfilesAreRecognised(String resource) throws Exception {
        Dataset data = Importers.all().read(Importers.bytesSource(resource, Fixtures.bytes(resource)), Progress.NONE);
        assertThat(data.format()).endsWith("profile (debug=1)");
        assertThat(data.profiles()).hasSize(1);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dumps/syzkaller-gvisor/6", "dumps/syzkaller-gvisor/7",
            "dumps/syzkaller-gvisor/9"})
    void aDataRaceReportIsNamedAsSuch(String resource) {
        ImportException e = catchThrowableOfType(() -> Importers.all().read(
                Importers.bytesSource(resource, Fixtures.bytes(resource)), Progress.NONE), ImportException.class);
        int at = new String(Fixtures.bytes(resource), StandardCharsets.ISO_8859_1).indexOf("WARNING: DATA RACE\n");

        assertThat(e.where()).isEqualTo("byte " + at);
        assertThat(e.problem()).isEqualTo("a data race report (\"WARNING: DATA RACE\"), which holds the racing "
                + "accesses' stacks but no goroutine dump; Goroscope reads goroutine dumps, profiles and traces");
    }
}
