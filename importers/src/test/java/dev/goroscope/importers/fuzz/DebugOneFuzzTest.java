package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.dump.DebugOneImporter;

/** The debug=1 goroutine profile importer: any bytes give a dataset or an ImportException. Seeds: real files in DebugOneFuzzTestInputs/read. */
class DebugOneFuzzTest {
    private final DebugOneImporter importer = new DebugOneImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
