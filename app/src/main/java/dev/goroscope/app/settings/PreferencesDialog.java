package dev.goroscope.app.settings;

import dev.goroscope.app.source.EditorCommand;
import dev.goroscope.app.source.GoEnvironment;
import dev.goroscope.app.source.PathMapping;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.app.theme.Theme;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * File ▸ Preferences: theme, editor command (with presets), GOROOT (beside the one {@code go env} detected),
 * automatic reload, and the source path mappings (add, replace, remove). OK saves everything to {@link Settings}
 * and runs {@code applied} so the app takes it at once; Cancel forgets the edits.
 */
public final class PreferencesDialog extends Dialog<ButtonType> {
    private final Settings settings;
    private final ComboBox<Theme> theme = new ComboBox<>();
    private final ComboBox<String> editor = new ComboBox<>();
    private final TextField goRoot = new TextField();
    private final CheckBox autoReload = new CheckBox("Reload files changed on disk without asking");
    private final TableView<PathMapping> mappings = new TableView<>();
    private final TextField prefix = new TextField();
    private final TextField folder = new TextField();
    private final Label mappingError = new Label();

    public PreferencesDialog(Window owner, Settings settings, GoEnvironment detected, Runnable applied) {
        this.settings = settings;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Preferences");
        setResizable(true);
        getDialogPane().setId("preferences");
        getDialogPane().getStyleClass().add("preferences");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setContent(new VBox(10, general(detected), mappingsSection()));
        getDialogPane().setPrefWidth(720);
        setOnShowing(e -> ActiveTheme.style(getDialogPane().getScene()));
        setResultConverter(b -> b);
        setOnHidden(e -> {
            if (getResult() == ButtonType.OK) {
                save();
                applied.run();
            }
        });
    }

    private GridPane general(GoEnvironment detected) {
        theme.setId("pref-theme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(Theme.of(settings.theme()));
        editor.setId("pref-editor");
        editor.setEditable(true);
        editor.getItems().setAll(EditorCommand.PRESETS);
        editor.setValue(settings.editorCommand());
        editor.setMaxWidth(Double.MAX_VALUE);
        goRoot.setId("pref-goroot");
        goRoot.setText(settings.goRoot());
        goRoot.setPromptText(detected.goRoot() == null ? "the folder Go is installed in"
                : detected.goRoot().toString());
        autoReload.setId("pref-auto-reload");
        autoReload.setSelected(settings.reloadAutomatically());
        Label goHint = hint(detected.goRoot() == null
                ? "go env found no Go installation; set GOROOT to see the standard library's source"
                : "Detected by go env: " + detected.goRoot() + " (used unless go is missing)");
        goHint.setId("pref-goroot-detected");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("Theme"), theme);
        grid.addRow(1, new Label("Editor command"), editor);
        grid.add(hint("{file} and {line} are replaced; $EDITOR stands for your EDITOR variable."
                + " Pick a preset or type your own."), 1, 2);
        grid.addRow(3, new Label("GOROOT"), goRoot);
        grid.add(goHint, 1, 4);
        grid.add(autoReload, 1, 5);
        return grid;
    }

    private VBox mappingsSection() {
        Label title = new Label("Source path mappings");
        title.getStyleClass().add("preferences-section");
        mappings.setId("pref-mappings");
        mappings.getColumns().setAll(List.of(
                column("Recorded path prefix", 260, m -> m.isRoot() ? "(project root)" : m.prefix()),
                column("Folder on this machine", 360, PathMapping::directory)));
        mappings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        mappings.setPlaceholder(new Label("No mappings: files are looked up in GOROOT and the module cache"));
        mappings.setPrefHeight(170);
        mappings.getItems().setAll(settings.pathMappings());
        mappings.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                prefix.setText(m.prefix());
                folder.setText(m.directory());
            }
        });
        prefix.setId("mapping-prefix");
        prefix.setPromptText("recorded prefix, e.g. example.com/app/ (empty: a project root)");
        folder.setId("mapping-folder");
        folder.setPromptText("folder on this machine");
        HBox.setHgrow(prefix, Priority.ALWAYS);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = button("Browse…", "mapping-browse");
        browse.setOnAction(e -> browse());
        Button add = button("Add", "mapping-add");
        add.setOnAction(e -> edited().ifPresent(m -> {
            mappings.getItems().remove(m);
            mappings.getItems().add(0, m);
            mappings.getSelectionModel().select(0);
        }));
        Button replace = button("Replace", "mapping-replace");
        replace.setOnAction(e -> {
            int i = mappings.getSelectionModel().getSelectedIndex();
            if (i < 0) {
                mappingError.setText("Select the mapping to replace");
                return;
            }
            edited().ifPresent(m -> mappings.getItems().set(i, m));
        });
        Button remove = button("Remove", "mapping-remove");
        remove.setOnAction(e -> {
            int i = mappings.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                mappings.getItems().remove(i);
            }
        });
        HBox editRow = new HBox(6, prefix, folder, browse);
        HBox buttons = new HBox(6, add, replace, remove, mappingError);
        buttons.setAlignment(Pos.CENTER_LEFT);
        mappingError.setId("mapping-error");
        mappingError.getStyleClass().add("source-error");
        VBox box = new VBox(6, title, hint("Mappings are tried from the top. A path recorded in a profile that starts"
                + " with the prefix is looked up in the folder with the prefix replaced."), mappings, editRow, buttons);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    /** The mapping in the two fields, or empty (with the reason shown) when it has no folder. */
    private Optional<PathMapping> edited() {
        if (folder.getText().isBlank()) {
            mappingError.setText("A mapping needs a folder");
            return java.util.Optional.empty();
        }
        mappingError.setText("");
        return java.util.Optional.of(new PathMapping(prefix.getText().strip(), folder.getText().strip()));
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder holding the sources");
        File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
        if (dir != null) {
            folder.setText(dir.getPath());
        }
    }

    private void save() {
        settings.setTheme(theme.getValue().id());
        String command = editor.getEditor().getText();
        settings.setEditorCommand(command == null || command.isBlank() ? EditorCommand.DEFAULT : command.strip());
        settings.setGoRoot(goRoot.getText().strip());
        settings.setReloadAutomatically(autoReload.isSelected());
        settings.setPathMappings(new ArrayList<>(mappings.getItems()));
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("preferences-hint");
        l.setWrapText(true);
        return l;
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static TableColumn<PathMapping, String> column(String title, double width,
            Function<PathMapping, String> value) {
        TableColumn<PathMapping, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
