package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.dump.DumpImporter;

/**
 * The goroutine dump importer: any bytes give a dataset or an ImportException. Seeds: real files in
 * DumpFuzzTestInputs/read. Chunks of the smallest size make inputs of a few KiB cross chunk boundaries.
 */
class DumpFuzzTest {
    private final DumpImporter importer = new DumpImporter(1, 1024);

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
