package dev.goroscope.app.cli;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.MergedProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Reads one file, or several profiles of one kind merged into one (named "first + N more"); files that are
     * not single profiles, or profiles of different kinds, are a one-line error.
     */
    static Dataset read(List<Path> in) throws ImportException, CliException {
        if (in.size() == 1) {
            return read(in.get(0));
        }
        List<Dataset> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : in) {
            files.add(read(p));
            names.add(p.toString());
        }
        String refusal = MergedProfiles.refusal(files);
        if (refusal != null) {
            throw new CliException(refusal);
        }
        return MergedProfiles.of(MergedProfiles.title(names), files);
    }

    /**
     * Writes {@code body} to the file {@code target}, or to {@code stdout} when the target is "-". The file is
     * written beside the target and renamed over it, so a failure never leaves half a file in place of a good one.
     */
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
        Path out = Path.of(target).toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(out.getParent(), "." + out.getFileName(), ".part");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CliException(target + ": cannot write: " + describe(e));
        }
    }

    /** Removes a half-written temporary file; a failure to remove it changes nothing the user relies on. */
    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
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
