package dev.goroscope.app.source;

import dev.goroscope.app.flame.WeightFormat;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.FrameTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The source of a selected frame: the file with line numbers, the frame's line highlighted and scrolled to, and
 * the self and total weight of the current view per line in a gutter. A file not found says which recorded path
 * is missing and offers to map it to a folder; "Open in editor" runs the user's editor command.
 */
public final class SourcePane extends VBox {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    private final Settings settings;
    private final Supplier<SourceLocator> locator;
    private final Consumer<String> status;
    private final Label title = new Label("Click a frame to see its source");
    private final Label location = new Label();
    private final Button openInEditor = new Button("Open in editor");
    private final ListView<Integer> lines = new ListView<>();
    private final Label missing = new Label();
    private final Button mapPath = new Button("Map this path…");
    private final VBox notFound = new VBox(missing, mapPath);
    private final Label error = new Label();
    private final HBox header;
    private SourceFile file;
    private SourceWeights weights;
    private String unit = "";
    private String recorded;
    private int highlighted;
    private Runnable retry = () -> { };

    public SourcePane(Settings settings, Supplier<SourceLocator> locator, Consumer<String> status) {
        this.settings = settings;
        this.locator = locator;
        this.status = status;
        setId("source-pane");
        getStyleClass().add("source-pane");
        getStylesheets().add(SourcePane.class.getResource("/dev/goroscope/app/source.css").toExternalForm());
        title.getStyleClass().add("source-title");
        location.setId("source-location");
        location.getStyleClass().add("source-location");
        openInEditor.setId("open-in-editor");
        openInEditor.getStyleClass().add("small-button");
        openInEditor.setTooltip(new Tooltip("Runs the editor command from File ▸ Preferences"));
        openInEditor.setOnAction(e -> openInEditor());
        openInEditor.setDisable(true);
        openInEditor.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(title, spacer, openInEditor);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("source-header");
        lines.setId("source-lines");
        lines.getStyleClass().add("source-lines");
        lines.setCellFactory(v -> new LineCell());
        lines.setFixedCellSize(18);
        missing.setId("source-missing");
        missing.getStyleClass().add("source-missing");
        missing.setWrapText(true);
        mapPath.setId("map-path");
        mapPath.setOnAction(e -> chooseMapping());
        notFound.getStyleClass().add("source-not-found");
        error.setId("source-error");
        error.getStyleClass().add("source-error");
        error.setWrapText(true);
        VBox.setVgrow(lines, Priority.ALWAYS);
        showPlaceholder();
    }

    /** Shows the source of {@code node}'s function with the per-line weights of the view scoped at {@code scope}. */
    public void showNode(CallTree tree, int node, int scope) {
        if (node == CallTree.ROOT) {
            showPlaceholder();
            return;
        }
        FrameTable frames = tree.frames();
        int frame = tree.frame(node);
        String path = frames.fileName(frame);
        SourceWeights w = SourceWeights.of(tree, node, path, scope);
        int line = w.heaviestLine() > 0 ? w.heaviestLine() : frames.line(frame);
        String u = tree.input().unit();
        retry = () -> show(frames.functionName(frame), path, line, w, u);
        retry.run();
    }

    /** Shows the source at one stack frame, without weights. */
    public void showFrame(FrameTable frames, int frame) {
        retry = () -> show(frames.functionName(frame), frames.fileName(frame), frames.line(frame), null, "");
        retry.run();
    }

    /** Shows the source at a frame linked from a stack list, without weights. */
    public void showLink(FrameLink link) {
        showFrame(link.frames(), link.frame());
    }

    /** Looks the shown frame up again, e.g. after the path mappings changed. */
    public void refresh() {
        retry.run();
    }

    /** The line highlighted, 0 when no file is shown. */
    public int highlightedLine() {
        return file == null ? 0 : highlighted;
    }

    /** The weights in the gutter, empty for a stack frame or when nothing is shown. */
    public Optional<SourceWeights> weights() {
        return Optional.ofNullable(weights);
    }

    /** The file shown, empty when none is. */
    public Optional<Path> file() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    private void show(String function, String path, int line, SourceWeights w, String u) {
        title.setText(function);
        error.setText("");
        recorded = path;
        weights = w;
        unit = u;
        highlighted = line;
        if (path.isEmpty()) {
            file = null;
            missing.setText("The profile records no file for " + function + ".");
            mapPath.setVisible(false);
            getChildren().setAll(headerOf(), notFound);
            return;
        }
        Optional<Path> found = locator.get().locate(path);
        if (found.isEmpty()) {
            file = null;
            missing.setText("Source not found: " + path + ":" + line
                    + "\nMap this path to a folder on this machine (a project root, GOROOT or a module cache).");
            mapPath.setVisible(true);
            getChildren().setAll(headerOf(), notFound, error);
            return;
        }
        try {
            file = SourceFile.read(found.get());
        } catch (IOException e) {
            file = null;
            missing.setText("Cannot read " + found.get() + ": " + e.getMessage());
            mapPath.setVisible(false);
            getChildren().setAll(headerOf(), notFound);
            return;
        }
        location.setText(found.get() + ":" + line);
        openInEditor.setDisable(false);
        Integer[] items = new Integer[file.lines().size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = i + 1;
        }
        lines.getItems().setAll(items);
        getChildren().setAll(headerOf(), location, lines, error);
        if (line >= 1 && line <= items.length) {
            lines.getSelectionModel().clearAndSelect(line - 1);
            lines.scrollTo(Math.max(0, line - 6));
        }
    }

    private HBox headerOf() {
        openInEditor.setDisable(file == null);
        return header;
    }

    private void showPlaceholder() {
        file = null;
        weights = null;
        title.setText("Click a frame to see its source");
        lines.getItems().clear();
        getChildren().setAll(headerOf());
    }

    private void openInEditor() {
        if (file == null) {
            return;
        }
        try {
            EditorCommand.open(settings.editorCommand(), file.path(), highlighted);
            error.setText("");
            status.accept("Opened " + file.path().getFileName() + ":" + highlighted + " in the editor");
        } catch (IOException | IllegalArgumentException e) {
            error.setText(e.getMessage() + " — change the editor command in File ▸ Preferences");
        }
    }

    private void chooseMapping() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder holding " + recorded);
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            addMapping(MappingGuess.forFolder(recorded, dir.toPath()));
        }
    }

    /** Remembers {@code mapping} and looks the shown frame up again. */
    public void addMapping(PathMapping mapping) {
        settings.addPathMapping(mapping);
        status.accept("Source paths: " + mapping);
        retry.run();
    }

    /** A weight without a count unit's word ("2", not "2 goroutines"), with a quantity's ("1.5 s"). */
    private String shortWeight(long w) {
        String text = WeightFormat.format(w, unit);
        return text.endsWith(" " + unit) ? text.substring(0, text.length() - unit.length() - 1) : text;
    }

    /** A line: self and total weight, the line number, the text. */
    private final class LineCell extends ListCell<Integer> {
        private final Label self = new Label();
        private final Label total = new Label();
        private final Label number = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(self, total, number, text);

        LineCell() {
            self.getStyleClass().addAll("gutter", "gutter-self");
            total.getStyleClass().addAll("gutter", "gutter-total");
            number.getStyleClass().add("line-number");
            text.getStyleClass().add("line-text");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null || file == null) {
                setGraphic(null);
                pseudoClassStateChanged(HIGHLIGHTED, false);
                return;
            }
            long s = weights == null ? 0 : weights.self(line);
            long t = weights == null ? 0 : weights.total(line);
            self.setText(s == 0 ? "" : shortWeight(s));
            total.setText(t == 0 ? "" : shortWeight(t));
            number.setText(Integer.toString(line));
            text.setText(file.lines().get(line - 1).replace("\t", "    "));
            pseudoClassStateChanged(HIGHLIGHTED, line == highlighted);
            setGraphic(box);
        }
    }
}
