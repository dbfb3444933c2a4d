package dev.goroscope.app.workspace;

import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.flame.FlameSnapshot;
import dev.goroscope.app.keys.Shortcuts;
import dev.goroscope.app.leaks.LeakActions;
import dev.goroscope.app.settings.PreferencesDialog;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.source.SourcePane;
import dev.goroscope.app.source.SourceView;
import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.app.theme.ActiveTheme;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.MergedProfiles;
import dev.goroscope.model.profile.Profile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The main window: menus, toolbar, one tab per opened file, an error banner and the status bar. Files open from
 * the menu, by drag and drop, or from the command line; each is read by a {@link TaskRunner} off the FX thread.
 * A file that fails to open only shows its one-line error in the banner: open tabs are left as they were. Opened
 * files are watched: one that changes on disk is offered for reload (or reloaded, as the preferences say). The
 * theme (View ▸ Dark theme) and the preferences apply to every open tab at once.
 */
public final class MainWindow {
    private static final String TITLE = "Goroscope";
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    private static final long WATCH_PERIOD_MILLIS = 1000;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem closeItem;
    @FXML private MenuItem resetZoomItem;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem findItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private RadioMenuItem flameItem;
    @FXML private RadioMenuItem icicleItem;
    @FXML private Button exportButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private HBox errorBanner;
    @FXML private Label errorText;
    @FXML private HBox changeBanner;
    @FXML private Label changeText;
    @FXML private VBox welcome;
    @FXML private TabPane tabs;
    @FXML private Label statusFile;
    @FXML private Label statusFormat;
    @FXML private Label statusGoroutines;
    @FXML private Label statusTotal;
    @FXML private Label statusMessage;
    @FXML private ProgressBar progress;
    @FXML private Button cancelLoad;

    private final TaskRunner runner;
    private final Importers importers;
    private final RecentFiles recent;
    private final Settings settings;
    private final InvalidationListener onViewChange = o -> updateForCurrentTab();
    private final MergeOffer mergeOffer = new MergeOffer();
    /** Tabs read from a file on disk (not pasted), whose file is watched for changes. */
    private final Set<DocumentTab> fileTabs = Collections.newSetFromMap(new IdentityHashMap<>());
    /** File tabs whose file changed on disk since they were read, until reloaded or ignored. */
    private final Set<DocumentTab> changedTabs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final FileChangeWatch watch = new FileChangeWatch(this::onFileChanged, Platform::runLater);
    private final InvalidationListener onThemeChange = o -> darkThemeItem.setSelected(ActiveTheme.get() == Theme.DARK);
    private LoadTracker loads;
    private LeakActions leakActions;
    private FlameGraphModel watched;
    private Stage stage;
    private int pasted;

    private MainWindow(TaskRunner runner, Importers importers, RecentFiles recent, Settings settings) {
        this.runner = runner;
        this.importers = importers;
        this.recent = recent;
        this.settings = settings;
    }

    /** Builds the window from {@code main-window.fxml}, with the user's settings. */
    public static MainWindow create(TaskRunner runner, Importers importers, RecentFiles recent) {
        return create(runner, importers, recent, Settings.user());
    }

    /** Builds the window from {@code main-window.fxml}. */
    public static MainWindow create(TaskRunner runner, Importers importers, RecentFiles recent, Settings settings) {
        MainWindow window = new MainWindow(runner, importers, recent, settings);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("/dev/goroscope/app/main-window.fxml"));
        loader.setController(window);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window layout", e);
        }
        return window;
    }

    @FXML
    private void initialize() {
        loads = new LoadTracker(progress, cancelLoad);
        VBox top = (VBox) errorBanner.getParent();
        top.getChildren().add(top.getChildren().indexOf(errorBanner) + 1, mergeOffer);
        leakActions = new LeakActions(tabs, runner, importers, t -> t instanceof DocumentTab d ? d.dataset() : null,
                this::showMessage, this::showError);
        welcome.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> onTabSelected());
        tabs.getTabs().addListener((InvalidationListener) o -> onTabsChanged());
        darkThemeItem.setSelected(ActiveTheme.get() == Theme.DARK);
        ActiveTheme.property().addListener(new javafx.beans.WeakInvalidationListener(onThemeChange));
        recent.files().addListener((InvalidationListener) o -> rebuildRecentMenu());
        rebuildRecentMenu();
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.pseudoClassStateChanged(DROP_TARGET, false));
        root.setOnDragDropped(e -> {
            root.pseudoClassStateChanged(DROP_TARGET, false);
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                openTogether(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
        onTabSelected();
    }

    /**
     * Shows the window on {@code s} as the user left it: the saved theme, size, position and maximized state, which
     * are saved again when it closes.
     */
    public void showRestored(Stage s) {
        ActiveTheme.set(Theme.of(settings.theme()));
        prepare(s, settings.windowWidth(), settings.windowHeight());
        WindowPlacement.restore(s, settings);
        WindowPlacement.rememberOnClose(s, settings);
        s.show();
    }

    /** Shows the window on {@code s} with the active theme and the app icon. */
    public void showOn(Stage s, double width, double height) {
        prepare(s, width, height);
        s.show();
    }

    private void prepare(Stage s, double width, double height) {
        stage = s;
        Scene scene = new Scene(root, width, height);
        ActiveTheme.style(scene);
        s.setScene(scene);
        watch.start(WATCH_PERIOD_MILLIS);
        s.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> watch.stop());
        Shortcuts.install(this, scene);
        for (int size : ICON_SIZES) {
            var icon = MainWindow.class.getResource("/dev/goroscope/icons/goroscope-" + size + ".png");
            if (icon != null) {
                s.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        s.setTitle(TITLE);
    }

    public TabPane tabs() {
        return tabs;
    }

    public Optional<DocumentTab> currentTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof DocumentTab d ? Optional.of(d) : Optional.empty();
    }

    /** Compare with…, Open Series…, Connect to live service…. */
    public LeakActions leakActions() {
        return leakActions;
    }

    /** The one-line error the banner shows, empty when it is hidden. */
    public String errorMessage() {
        return errorBanner.isVisible() ? errorText.getText() : "";
    }

    /** Reads {@code path} in the background and opens it in a new tab, or shows why it cannot. */
    public void open(Path path) {
        load(path, p -> importers.open(path, p), true, null, tab -> { });
    }

    /**
     * Opens files chosen together, each in its tab; when two or more of them are profiles, a bar then offers to
     * merge them into one tab, or says why profiles of different kinds cannot be.
     */
    public void openTogether(List<Path> paths) {
        if (paths.size() == 1) {
            open(paths.get(0));
            return;
        }
        OpenBatch batch = new OpenBatch(paths.size(), this::offerMerge);
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            int index = i;
            load(path, p -> importers.open(path, p), true, null, tab -> batch.ended(index, tab));
        }
    }

    /** What the merge bar says, empty when it is hidden. */
    public String mergeMessage() {
        return mergeOffer.message();
    }

    private void offerMerge(List<DocumentTab> opened) {
        List<DocumentTab> profiles = opened.stream().filter(t -> MergedProfiles.isMergeable(t.dataset())).toList();
        if (profiles.size() < 2) {
            return;
        }
        List<Dataset> datasets = profiles.stream().map(DocumentTab::dataset).toList();
        String refusal = MergedProfiles.refusal(datasets);
        if (refusal != null) {
            mergeOffer.refuse("Opened separately: " + refusal + ".");
            return;
        }
        String kind = datasets.get(0).profiles().get(0).kind();
        mergeOffer.offer(profiles.size() + " " + kind + " profiles were opened together; merged, their samples add up.",
                () -> merge(profiles));
    }

    /** Replaces the tabs of several profiles of one kind by one tab of their merge, built in the background. */
    private void merge(List<DocumentTab> profiles) {
        List<String> names = profiles.stream().map(DocumentTab::getText).toList();
        String title = MergedProfiles.title(names);
        String description = profiles.stream().map(t -> t.path().toString()).collect(Collectors.joining("\n"));
        List<Dataset> datasets = profiles.stream().map(DocumentTab::dataset).toList();
        showMessage("Merging " + title + "…");
        runner.run(p -> OpenedFile.prepare(profiles.get(0).path(), title, description,
                MergedProfiles.of(title, datasets)), file -> {
                    tabs.getTabs().removeAll(profiles);
                    DocumentTab tab = new DocumentTab(file, runner, settings, this::showMessage);
                    tabs.getTabs().add(tab);
                    tabs.getSelectionModel().select(tab);
                    showMessage("Merged " + names.size() + " profiles into " + title);
                }, error -> showError("Cannot merge " + title + ": " + message(error)));
    }

    /**
     * Reads {@code tab}'s file again in the background, like opening it, and puts the result in the tab's place;
     * when that fails the tab keeps what it showed and the banner says why.
     */
    public void reload(DocumentTab tab) {
        changedTabs.remove(tab);
        updateChangeBanner();
        Path path = tab.path();
        load(path, p -> importers.open(path, p), true, tab, t -> { });
    }

    /** Opens {@code text} (e.g. a dump pasted from the clipboard) as a new tab named "pasted N". */
    public void openPasted(String text) {
        Path name = Path.of("pasted " + ++pasted);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        load(name, p -> importers.read(Importers.bytesSource(name.toString(), bytes), p), false, null, tab -> { });
    }

    /**
     * Reads {@code path}; {@code fromFile} remembers and watches it; the tab replaces {@code replacing} if given;
     * {@code ended} then gets the new tab, or null when the file could not be read.
     */
    private void load(Path path, TaskRunner.Work<Dataset> read, boolean fromFile, DocumentTab replacing,
            Consumer<DocumentTab> ended) {
        String verb = replacing == null ? "Opening " : "Reloading ";
        showMessage(verb + path.getFileName() + "…");
        LoadTracker.Load[] load = new LoadTracker.Load[1];
        load[0] = loads.track(() -> runner.run(p -> OpenedFile.prepare(path, read.call(p)),
                file -> {
                    loads.finished(load[0]);
                    DocumentTab tab = new DocumentTab(file, runner, settings, this::showMessage);
                    if (fromFile) {
                        fileTabs.add(tab);
                        recent.add(path);
                    }
                    int at = replacing == null ? -1 : tabs.getTabs().indexOf(replacing);
                    if (at >= 0) {
                        watch.rebase(path);
                        boolean wasSelected = tabs.getSelectionModel().getSelectedItem() == replacing;
                        tabs.getTabs().set(at, tab);
                        if (wasSelected) {
                            tabs.getSelectionModel().select(tab);
                        }
                    } else {
                        tabs.getTabs().add(tab);
                        tabs.getSelectionModel().select(tab);
                    }
                    List<String> warnings = file.dataset().warnings();
                    showMessage((replacing == null ? "Opened " : "Reloaded ") + path.getFileName()
                            + (warnings.isEmpty() ? "" : " — " + String.join("; ", warnings)));
                    ended.accept(tab);
                },
                error -> {
                    loads.finished(load[0]);
                    if (error instanceof CancellationException) {
                        showMessage("Cancelled " + verb.toLowerCase(java.util.Locale.ROOT) + path.getFileName());
                    } else {
                        showError(describe(path, error)
                                + (replacing == null ? "" : " — the tab keeps what it showed before"));
                    }
                    ended.accept(null);
                }));
    }

    /** Shows a one-line error in the banner without touching the open tabs. */
    public void showError(String message) {
        errorText.setText(message);
        errorBanner.setVisible(true);
        errorBanner.setManaged(true);
        showMessage("");
    }

    /** Shows a transient message at the right of the status bar. */
    public void showMessage(String message) {
        statusMessage.setText(message);
    }

    private static String describe(Path path, Throwable error) {
        return error instanceof ImportException ? error.getMessage() : path + ": cannot open: " + message(error);
    }

    private static String message(Throwable error) {
        if (error instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** The tabs whose file changed on disk and that are not reloaded yet. */
    public Set<DocumentTab> changedTabs() {
        return Collections.unmodifiableSet(changedTabs);
    }

    private void onFileChanged(Path path) {
        for (DocumentTab tab : List.copyOf(fileTabs)) {
            if (tab.path().equals(path) && tabs.getTabs().contains(tab)) {
                if (settings.reloadAutomatically()) {
                    reload(tab);
                } else {
                    changedTabs.add(tab);
                }
            }
        }
        updateChangeBanner();
    }

    private void onTabsChanged() {
        fileTabs.retainAll(tabs.getTabs());
        changedTabs.retainAll(tabs.getTabs());
        watch.watchOnly(fileTabs.stream().map(DocumentTab::path).collect(Collectors.toSet()));
        updateChangeBanner();
    }

    /** The banner offering to reload the selected tab when its file changed on disk. */
    private void updateChangeBanner() {
        Optional<DocumentTab> tab = currentTab().filter(changedTabs::contains);
        tab.ifPresent(t -> changeText.setText(t.path().getFileName() + " changed on disk."
                + " Reload it? (File ▸ Preferences can make this automatic)"));
        changeBanner.setVisible(tab.isPresent());
        changeBanner.setManaged(tab.isPresent());
    }

    @FXML
    private void onReloadChanged() {
        currentTab().filter(changedTabs::contains).ifPresent(this::reload);
    }

    @FXML
    private void onIgnoreChange() {
        currentTab().ifPresent(changedTabs::remove);
        updateChangeBanner();
    }

    @FXML
    private void onToggleTheme() {
        Theme theme = darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT;
        ActiveTheme.set(theme);
        settings.setTheme(theme.id());
    }

    @FXML
    private void onPreferences() {
        new PreferencesDialog(root.getScene().getWindow(), settings, SourceView.environment(), this::applySettings)
                .show();
    }

    /** Takes the saved preferences at once: the theme, and source lookups with the new mappings and GOROOT. */
    private void applySettings() {
        ActiveTheme.set(Theme.of(settings.theme()));
        for (Tab t : tabs.getTabs()) {
            if (t instanceof DocumentTab d) {
                d.sourcePane().ifPresent(SourcePane::refresh);
            }
        }
        showMessage("Preferences saved");
    }

    private void rebuildRecentMenu() {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : recent.files()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(p));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            items.add(none);
        }
        recentMenu.getItems().setAll(items);
    }

    private void onTabSelected() {
        if (watched != null) {
            watched.snapshotProperty().removeListener(onViewChange);
            watched.canUndoProperty().removeListener(onViewChange);
            watched.canRedoProperty().removeListener(onViewChange);
        }
        watched = currentTab().flatMap(DocumentTab::model).orElse(null);
        if (watched != null) {
            watched.snapshotProperty().addListener(onViewChange);
            watched.canUndoProperty().addListener(onViewChange);
            watched.canRedoProperty().addListener(onViewChange);
        }
        updateForCurrentTab();
        updateChangeBanner();
    }

    /** Status bar, window title and which actions apply, for the selected tab. */
    private void updateForCurrentTab() {
        Optional<DocumentTab> tab = currentTab();
        statusFile.setText(tab.map(t -> t.path().toString()).orElse("No file open"));
        statusFormat.setText(tab.map(t -> t.dataset().format()
                + (t.dataset().goVersion() == null ? "" : " · " + t.dataset().goVersion())).orElse(""));
        statusGoroutines.setText(tab.map(DocumentTab::goroutineSummary).orElse(""));
        statusTotal.setText(tab.map(DocumentTab::totalSummary).orElse(""));
        if (stage != null) {
            stage.setTitle(tab.map(t -> t.getText() + " — " + TITLE).orElse(TITLE));
        }
        boolean noGraph = watched == null;
        for (MenuItem item : new MenuItem[] {exportItem, resetZoomItem, findItem, flameItem, icicleItem}) {
            item.setDisable(noGraph);
        }
        closeItem.setDisable(tab.isEmpty());
        exportButton.setDisable(noGraph);
        undoItem.setDisable(noGraph || !watched.canUndoProperty().get());
        undoButton.setDisable(undoItem.isDisable());
        redoItem.setDisable(noGraph || !watched.canRedoProperty().get());
        redoButton.setDisable(redoItem.isDisable());
        if (!noGraph) {
            boolean icicle = watched.view().icicle();
            flameItem.setSelected(!icicle);
            icicleItem.setSelected(icicle);
        }
    }

    @FXML
    private void onOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a goroutine dump, profile or trace");
        if (!recent.files().isEmpty() && recent.files().get(0).getParent() != null) {
            File dir = recent.files().get(0).getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            openTogether(files.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void onExportSvg() {
        Optional<DocumentTab> tab = currentTab().filter(t -> t.model().isPresent());
        if (tab.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the flame graph as SVG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG image", "*.svg"));
        chooser.setInitialFileName(tab.get().getText() + ".svg");
        Path dir = tab.get().path().toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportSvg(file.toPath());
        }
    }

    /**
     * Writes the selected tab's flame graph to {@code target} as an SVG of exactly what is on screen (tree, view
     * state and canvas width), in the background; the outcome shows in the status bar or the error banner.
     */
    public void exportSvg(Path target) {
        Optional<DocumentTab> tab = currentTab().filter(t -> t.model().isPresent());
        if (tab.isEmpty()) {
            return;
        }
        FlameSnapshot shown = tab.get().model().orElseThrow().snapshot();
        SvgOptions options = tab.get().svgOptions();
        showMessage("Exporting " + target.getFileName() + "…");
        runner.run(p -> {
            SvgExport.write(shown.tree(), shown.view(), options, target);
            return target;
        }, written -> showMessage("Exported " + written.getFileName()),
                error -> showError(target + ": cannot export: " + message(error)));
    }

    @FXML
    private void onCompare() {
        leakActions.compare();
    }

    @FXML
    private void onAddLeakProfile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add a goroutineleak profile taken with this dump");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            addLeakProfile(file.toPath());
        }
    }

    /**
     * File ▸ Add goroutineleak profile…: reads {@code path} in the background and adds its verdicts (Go 1.26's
     * goroutineleak profile, protobuf or debug=1) to the leak suspects of the open dump's tab.
     */
    public void addLeakProfile(Path path) {
        Optional<DocumentTab> tab = currentTab().filter(t -> t.leaks().isPresent());
        if (tab.isEmpty()) {
            showError("Add goroutineleak profile…: open a goroutine dump first");
            return;
        }
        showMessage("Reading " + path.getFileName() + "…");
        runner.run(p -> importers.open(path, p), dataset -> {
            List<Profile> leaks = dataset.profiles().stream().filter(pr -> pr.kind().equals("goroutineleak")).toList();
            if (leaks.isEmpty()) {
                showError(path + ": not a goroutineleak profile (it is a " + dataset.format() + ")");
                return;
            }
            tab.get().leaks().orElseThrow().addProfiles(leaks);
            showMessage("Added the goroutineleak profile " + path.getFileName() + " to " + tab.get().getText());
        }, error -> showError(describe(path, error)));
    }

    @FXML
    private void onOpenSeriesFolder() {
        leakActions.openSeriesFolder();
    }

    @FXML
    private void onOpenSeriesFiles() {
        leakActions.openSeriesFiles();
    }

    @FXML
    private void onConnectLive() {
        leakActions.connectLive();
    }

    @FXML
    private void onCloseTab() {
        currentTab().ifPresent(t -> tabs.getTabs().remove(t));
    }

    @FXML
    private void onQuit() {
        if (stage != null) {
            stage.close();
        }
        Platform.exit();
    }

    @FXML
    private void onFlame() {
        withModel(m -> m.setIcicle(false));
    }

    @FXML
    private void onIcicle() {
        withModel(m -> m.setIcicle(true));
    }

    @FXML
    private void onResetZoom() {
        withModel(FlameGraphModel::resetZoom);
    }

    @FXML
    private void onUndo() {
        withModel(FlameGraphModel::undo);
    }

    @FXML
    private void onRedo() {
        withModel(FlameGraphModel::redo);
    }

    @FXML
    private void onFind() {
        currentTab().flatMap(DocumentTab::flamePane).ifPresent(p -> p.focusSearch());
    }

    @FXML
    private void onDismissError() {
        errorBanner.setVisible(false);
        errorBanner.setManaged(false);
    }

    @FXML
    private void onAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initModality(Modality.NONE);
        about.initOwner(root.getScene().getWindow());
        about.setTitle("About Goroscope");
        about.setHeaderText("Goroscope 0.1.0");
        about.setContentText("A viewer for Go goroutine dumps, pprof profiles and execution traces.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
        about.show();
    }

    private void withModel(java.util.function.Consumer<FlameGraphModel> action) {
        if (watched != null) {
            action.accept(watched);
        }
    }
}
