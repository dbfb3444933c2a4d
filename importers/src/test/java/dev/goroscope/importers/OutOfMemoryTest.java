package dev.goroscope.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too big for the heap is a message, not a crash: a JVM with 32 MB of heap opens a 40 MB folded file (one
 * sample per line, so its samples alone need more than the heap), reports that memory ran out, and goes on to
 * open a small file.
 */
class OutOfMemoryTest {
    @Test
    void aFileTooBigForTheHeapIsAMessageAndTheNextFileOpens(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.folded");
        Files.write(big, RepeatedInputs.folded("folded/speedscope/simple.txt", 40 << 20));
        Path small = dir.resolve("small.folded");
        Files.write(small, TestFiles.bytes("folded/speedscope/simple.txt"));

        Process p = new ProcessBuilder(List.of(javaExecutable(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), OpenFiles.class.getName(), big.toString(), small.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("the whole output").doesNotContain("Exception in thread", "OutOfMemoryError");
        assertThat(output.lines()).as(output).containsExactly(
                "error: " + big + ": not enough memory to open it (" + heapMiB(output) + " MB heap): give Goroscope a "
                        + "larger heap (GOROSCOPE_XMX=1g for the launcher, -Xmx1g for java)",
                "opened " + small + ": folded stacks");
    }

    /** The heap size the child reported (the JVM rounds -Xmx32m to what its collector can use). */
    private static String heapMiB(String output) {
        int open = output.indexOf("open it (");
        return open < 0 ? "?" : output.substring(open + "open it (".length(), output.indexOf(" MB heap", open));
    }

    private static String javaExecutable() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java at " + java);
        }
        return java.toString();
    }
}
