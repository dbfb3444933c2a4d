package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.pprof.PprofImporter;

/** The pprof protobuf importer: any bytes give a dataset or an ImportException. Seeds: real files in PprofFuzzTestInputs/read. */
class PprofFuzzTest {
    private final PprofImporter importer = new PprofImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
