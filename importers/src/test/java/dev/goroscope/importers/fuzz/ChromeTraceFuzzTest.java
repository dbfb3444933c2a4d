package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.chrometrace.ChromeTraceImporter;

/** The Chrome trace-event JSON importer: any bytes give a dataset or an ImportException. Seeds: real files in ChromeTraceFuzzTestInputs/read. */
class ChromeTraceFuzzTest {
    private final ChromeTraceImporter importer = new ChromeTraceImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
