package dev.goroscope.app.cli;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a command's input and writing its output file, with one-line errors naming the file. */
final class CommandFiles {
    /** Writes a command's output to a {@link Writer}. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private CommandFiles() {
    }

    /** Reads any supported file; an {@link ImportException} names the file and the line or byte. */
    static Dataset read(Path in) throws ImportException {
        return Importers.all().open(in);
    }

    /** Writes {@code body} to the file {@code target}, or to {@code stdout} when the target is "-". */
    static void write(String target, PrintWriter stdout, Body body) throws CliException {
        if (target.equals("-")) {
            try {
                body.writeTo(stdout);
            } catch (IOException e) {
                throw new CliException("standard output: cannot write: " + describe(e));
            }
            stdout.flush();
            return;
        }
        try (Writer w = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
            body.writeTo(w);
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
