package dev.goroscope.importers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.util.Arrays;

/**
 * What every importer's fuzz test checks: whatever the bytes, sniffing answers from the first {@code length} bytes
 * only, and reading gives a dataset or an {@link ImportException} naming the file. Any other exception or error
 * fails the test (Jazzer keeps the input as a finding).
 */
final class FuzzTargets {
    static final String NAME = "fuzz-input";

    private FuzzTargets() {
    }

    static void sniffAndRead(Importer importer, byte[] data) {
        byte[] padded = Arrays.copyOf(data, data.length + 64);
        Arrays.fill(padded, data.length, padded.length, (byte) '\n');
        assertThat(importer.sniff(padded, data.length)).isEqualTo(importer.sniff(data, data.length));
        try {
            Dataset d = importer.read(Importers.bytesSource(NAME, data), Progress.NONE);
            assertThat(d.source()).isEqualTo(NAME);
        } catch (ImportException e) {
            assertThat(e.file()).isEqualTo(NAME);
            assertThat(e.getMessage()).startsWith(NAME + ": ");
        }
    }
}
