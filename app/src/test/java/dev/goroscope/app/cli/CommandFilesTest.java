package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export that fails half way leaves the file it would have replaced as it was, and no stray part file. */
class CommandFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsTheOldFileWhole() throws Exception {
        Path target = dir.resolve("graph.svg");
        Files.writeString(target, "the good export");
        assertThatThrownBy(() -> CommandFiles.write(target.toString(), new PrintWriter(new StringWriter()), w -> {
            w.write("<svg half");
            throw new IOException("disk full");
        })).isInstanceOf(CliException.class).hasMessageContaining("graph.svg").hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("the good export");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws Exception {
        Path target = dir.resolve("out.folded");
        Files.writeString(target, "old");
        CommandFiles.write(target.toString(), new PrintWriter(new StringWriter()), w -> w.write("main;f 1\n"));
        assertThat(Files.readString(target)).isEqualTo("main;f 1\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
