package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.folded.FoldedImporter;

/** The folded stacks importer: any bytes give a dataset or an ImportException. Seeds: real files in FoldedFuzzTestInputs/read. */
class FoldedFuzzTest {
    private final FoldedImporter importer = new FoldedImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
