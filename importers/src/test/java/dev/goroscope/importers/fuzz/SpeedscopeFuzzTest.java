package dev.goroscope.importers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;

/** The speedscope JSON importer: any bytes give a dataset or an ImportException. Seeds: real files in SpeedscopeFuzzTestInputs/read. */
class SpeedscopeFuzzTest {
    private final SpeedscopeImporter importer = new SpeedscopeImporter();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] data) {
        FuzzTargets.sniffAndRead(importer, data);
    }
}
