package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.trace.TraceImporter;

/** The execution trace importer on v1 traces (Go 1.5 to 1.21): any bytes give a dataset or an ImportException. Seeds: real files in TraceV1FuzzTestInputs/read. */
class TraceV1FuzzTest {
    private final TraceImporter importer = new TraceImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
