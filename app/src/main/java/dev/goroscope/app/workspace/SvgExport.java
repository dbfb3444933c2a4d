package dev.goroscope.app.workspace;

import dev.goroscope.app.export.SvgFlameGraphWriter;
import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.ViewState;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a flame graph to an SVG file through a temporary file beside it, moved into place once complete, so a
 * failed export never leaves a half-written file and an existing file is replaced in one step.
 */
final class SvgExport {
    private SvgExport() {
    }

    static void write(CallTree tree, ViewState view, SvgOptions options, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                SvgFlameGraphWriter.write(tree, view, options, out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
