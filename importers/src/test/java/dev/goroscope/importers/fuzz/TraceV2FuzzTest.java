package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.trace.TraceImporter;

/** The execution trace importer on v2 traces (Go 1.22 and later): any bytes give a dataset or an ImportException. Seeds: real files in TraceV2FuzzTestInputs/read. */
class TraceV2FuzzTest {
    private final TraceImporter importer = new TraceImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
