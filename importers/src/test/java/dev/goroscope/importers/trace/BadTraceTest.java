package dev.goroscope.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken traces: every one gives a dataset (with a warning when something was lost) or an ImportException naming
 * the file and a byte offset, never another exception, a hang or an out-of-memory error.
 */
class BadTraceTest {
    private static byte[] resource(String path) {
        return TraceFiles.bytes(TraceFiles.dir("").resolve(path));
    }

    /** Reads {@code content}; returns the dataset, or null after checking the ImportException's message. */
    private static Dataset readOrRefuse(String name, byte[] content) {
        try {
            return TraceFiles.read(name, content);
        } catch (ImportException e) {
            assertThat(e.getMessage()).startsWith(name + ": byte ");
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(name + " (" + content.length + " bytes): " + e, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2/map-cli.trace", "v1/http_1_7_good"})
    void truncatedAtEveryByte(String path) {
        truncatedEvery(path, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2/samples-go1.26-leaks.trace", "v1/user_task_region_1_21_good",
        "v1/stress_start_stop_1_9_good"})
    void truncatedAtManyPlaces(String path) {
        truncatedEvery(path, 97);
    }

    private static void truncatedEvery(String path, int stride) {
        byte[] full = resource(path);
        int datasets = 0;
        for (int n = 0; n < full.length; n += stride) {
            Dataset d = readOrRefuse("cut-" + n, Arrays.copyOf(full, n));
            if (d != null) {
                datasets++;
                assertThat(d.timeline()).isNotNull();
            }
        }
        assertThat(datasets).as("truncations that still give a timeline").isPositive();
    }

    @Test
    void aV2TraceCutInsideItsLastGenerationWarnsHowMuchWasLost() throws Exception {
        byte[] full = resource("v2/samples-go1.26-leaks.trace");
        Dataset d = TraceFiles.read("cut", Arrays.copyOf(full, full.length * 3 / 4));
        assertThat(d.warnings()).singleElement().asString().startsWith("trace ends early, ").contains("% of events lost");
        assertThat(d.timeline().goroutines().size()).isPositive();
    }

    @Test
    void aV2TraceCutInsideAnEventWarns() throws Exception {
        byte[] full = resource("v2/map-cli.trace");
        Dataset d = TraceFiles.read("cut", Arrays.copyOf(full, full.length - 100));
        assertThat(d.warnings()).singleElement().asString().contains("% of events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2/map-cli.trace", "v2/samples-go1.26-leaks.trace", "v1/http_1_19_good",
        "v1/http_1_5_good"})
    void randomlyCorruptedBytes(String path) {
        byte[] full = resource(path);
        Random r = new Random(path.hashCode());
        for (int round = 0; round < 300; round++) {
            byte[] c = full.clone();
            int flips = 1 + r.nextInt(8);
            for (int k = 0; k < flips; k++) {
                c[16 + r.nextInt(c.length - 16)] = (byte) r.nextInt(256);
            }
            readOrRefuse("corrupt-" + round, c);
        }
    }

    @Test
    void aCutGo15TraceHasLostItsFrequencyAndIsRefused() {
        byte[] full = resource("v1/stress_start_stop_1_5_good");
        assertThatThrownBy(() -> TraceFiles.read("t", Arrays.copyOf(full, full.length / 2)))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("t: byte ")
                .hasMessageContaining("no event can be timed");
    }

    @Test
    void aVarintThatNeverEndsIsRefusedWithItsOffset() {
        byte[] c = resource("v2/map-cli.trace");
        Arrays.fill(c, 17, 40, (byte) 0xff);
        assertThatThrownBy(() -> TraceFiles.read("t", c)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("t: byte 17: ");
    }

    @Test
    void anUnknownEventTypeIsNamed() {
        byte[] c = resource("v1/http_1_7_good");
        c[16] = 0x3e;
        assertThatThrownBy(() -> TraceFiles.read("t", c)).isInstanceOf(ImportException.class)
                .hasMessage("t: byte 16: unknown event type 62 for trace format go 1.7");
    }

    @Test
    void aFutureVersionIsRefusedAtByteZero() {
        byte[] c = resource("v2/map-cli.trace");
        System.arraycopy("go 1.99 trace".getBytes(StandardCharsets.US_ASCII), 0, c, 0, 13);
        assertThatThrownBy(() -> TraceFiles.read("t", c)).isInstanceOf(ImportException.class)
                .hasMessageContaining("t: byte 0: trace format go 1.99 is newer");
    }

    @Test
    void aHeaderWithNothingAfterItIsRefused() {
        byte[] c = Arrays.copyOf(resource("v2/map-cli.trace"), 16);
        assertThatThrownBy(() -> TraceFiles.read("t", c)).isInstanceOf(ImportException.class)
                .hasMessage("t: byte 16: the trace has no events");
    }

    @Test
    void aHugeBatchSizeIsRefusedWithoutAllocatingIt() {
        byte[] c = resource("v2/map-cli.trace");
        byte[] bad = new byte[] {'g', 'o', ' ', '1', '.', '2', '2', ' ', 't', 'r', 'a', 'c', 'e', 0, 0, 0, 1, 1, 0, 0,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertThat(c).isNotEmpty();
        assertThatThrownBy(() -> TraceFiles.read("t", bad)).isInstanceOf(ImportException.class)
                .hasMessage("t: byte 16: batch size 4294967295 is over the limit of 65536");
    }

    @Test
    void otherContentIsNotSniffedAsATrace() throws Exception {
        TraceImporter imp = new TraceImporter();
        byte[] text = "goroutine 1 [running]:\nmain.main()\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(imp.sniff(text, text.length)).isEqualTo(dev.goroscope.importers.Importer.Confidence.NO);
        byte[] almost = "go 1.22 traceX\0\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(imp.sniff(almost, almost.length)).isEqualTo(dev.goroscope.importers.Importer.Confidence.NO);
        byte[] head = resource("v2/map-cli.trace");
        assertThat(imp.sniff(head, 16)).isEqualTo(dev.goroscope.importers.Importer.Confidence.YES);
    }

    @Test
    void aGzippedTraceIsReadThroughImporters() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(resource("v2/map-cli.trace"));
        }
        Dataset d = Importers.all().read(Importers.bytesSource("t.gz", bos.toByteArray()), Progress.NONE);
        assertThat(d.timeline().eventCount()).isEqualTo(88);
    }

    @Test
    void aCorruptGzipNamesTheFile() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(resource("v2/map-cli.trace"));
        }
        byte[] z = Arrays.copyOf(bos.toByteArray(), bos.size() / 2);
        try {
            Dataset d = Importers.all().read(Importers.bytesSource("t.gz", z), Progress.NONE);
            fail("expected a failure, got " + d.warnings());
        } catch (ImportException e) {
            assertThat(e.getMessage()).startsWith("t.gz: ");
        }
    }
}
