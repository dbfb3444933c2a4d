package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;

/** The GODEBUG=schedtrace log importer: any bytes give a dataset or an ImportException. Seeds: real files in SchedTraceFuzzTestInputs/read. */
class SchedTraceFuzzTest {
    private final SchedTraceImporter importer = new SchedTraceImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
