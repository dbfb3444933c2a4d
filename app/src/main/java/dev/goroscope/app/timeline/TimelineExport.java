package dev.goroscope.app.timeline;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * Writes the visible part of a timeline canvas to a file: as SVG (the renderer drawn through {@link SvgPainter})
 * or as PNG (a snapshot of the canvas), from toolbar buttons that ask where.
 */
public final class TimelineExport {
    private final TimelineCanvas canvas;
    private final Consumer<String> status;

    public TimelineExport(TimelineCanvas canvas, Consumer<String> status) {
        this.canvas = canvas;
        this.status = status;
    }

    /** The "SVG" and "PNG" buttons (ids {@code export-svg}, {@code export-png}), each asking for a file. */
    public List<Button> buttons() {
        Button svg = new Button("SVG");
        svg.setId("export-svg");
        svg.setTooltip(new Tooltip("Export the visible timeline as SVG"));
        svg.setOnAction(e -> choose("timeline.svg", "*.svg").ifPresent(this::svg));
        Button png = new Button("PNG");
        png.setId("export-png");
        png.setTooltip(new Tooltip("Export the visible timeline as PNG"));
        png.setOnAction(e -> choose("timeline.png", "*.png").ifPresent(this::png));
        return List.of(svg, png);
    }

    /** Writes the visible timeline (canvas size) to {@code file} as SVG. */
    public void svg(Path file) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SvgPainter p = new SvgPainter(out, w, h);
            canvas.renderer().draw(p, w, h);
            p.finish();
            status.accept("Exported " + file.getFileName());
        } catch (IOException | UncheckedIOException e) {
            status.accept("Could not write " + file + ": " + e.getMessage());
        }
        canvas.markDirty();
    }

    /** Writes the visible timeline to {@code file} as PNG (canvas snapshot). */
    public void png(Path file) {
        WritableImage img = canvas.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(bi, "png", file.toFile());
            status.accept("Exported " + file.getFileName());
        } catch (IOException e) {
            status.accept("Could not write " + file + ": " + e.getMessage());
        }
    }

    private Optional<Path> choose(String name, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = fc.showSaveDialog(canvas.getScene() == null ? null : canvas.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }
}
