package dev.goroscope.app.timeline;

import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.flame.FlameGraphPane;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.source.SourcePane;
import dev.goroscope.app.source.SourceView;
import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.WeightedStacks;
import dev.goroscope.model.timeline.BlockClass;
import dev.goroscope.model.timeline.SpanKind;
import dev.goroscope.model.timeline.Timeline;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What happened in the selected time range (the whole trace when none): a flame graph of the CPU samples taken in
 * it, or of the stacks where goroutines blocked for one reason class weighted by time, with the source pane beside
 * it, and a table of time per state per goroutine group, copyable as CSV. The table is computed in the background;
 * a result for a range that is no longer selected is dropped.
 */
public final class RangePane extends VBox {
    private static final String CPU = "CPU samples";

    private final TimelineData data;
    private final ComboBox<String> source = new ComboBox<>();
    private final Label rangeLabel = new Label();
    private final FlameGraphModel flameModel;
    private final FlameGraphPane flamePane;
    private final TableView<RangeStats.Row> table = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final TaskRunner runner;
    private final Consumer<String> status;
    private final SourcePane sourcePane;
    private final Tab flameTab;
    private TaskRunner.Job statsJob;
    private TaskRunner.Job flameJob;
    private long flameGeneration;
    private long statsGeneration;
    private RangeStats stats = RangeStats.EMPTY;
    private long from;
    private long to;

    public RangePane(TimelineData data, TaskRunner runner, Consumer<String> status) {
        this.data = data;
        this.runner = runner;
        this.status = status;
        Timeline t = data.timeline();
        setId("range-pane");
        getStyleClass().add("range-pane");
        source.setId("range-source");
        source.getItems().add(t.cpu().size() == 0 ? CPU + " (none in this trace)" : CPU);
        for (BlockClass c : BlockClass.values()) {
            source.getItems().add("Blocked: " + c.label());
        }
        source.getSelectionModel().select(0);
        source.setTooltip(new Tooltip("What the flame graph of the range weighs"));
        source.valueProperty().addListener((o, a, b) -> refreshFlame());
        rangeLabel.setId("range-label");
        rangeLabel.getStyleClass().add("range-label");
        flameModel = new FlameGraphModel(CallTree.of(t.cpuSamples()), runner);
        flamePane = new FlameGraphPane(flameModel, status);
        flamePane.addLeadingControl(source);

        Button copy = new Button("Copy CSV");
        copy.setId("copy-csv");
        copy.getStyleClass().add("small-button");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(stats.toCsv());
            Clipboard.getSystemClipboard().setContent(c);
            status.accept("Copied statistics of " + stats.rows().size() + " groups as CSV");
        });
        buildTable();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statsBar = new HBox(8, new Label("Time per state per goroutine group"), spacer, copy);
        statsBar.setAlignment(Pos.CENTER_LEFT);
        statsBar.getStyleClass().add("range-bar");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox statsBox = new VBox(statsBar, table);
        SplitPane flameArea = SourceView.beside(flamePane, flameModel, Settings.user(), status);
        sourcePane = SourceView.paneOf(flameArea);
        flameTab = new Tab("Flame graph", flameArea);
        Tab statsTab = new Tab("Statistics", statsBox);
        statsTab.setId("stats-tab");
        flameTab.setClosable(false);
        statsTab.setClosable(false);
        tabs.getTabs().addAll(flameTab, statsTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(rangeLabel, tabs);
        setRange(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    public FlameGraphModel flameModel() {
        return flameModel;
    }

    /** The statistics shown in the table (empty until the first computation is done). */
    public RangeStats stats() {
        return stats;
    }

    public SourcePane sourcePane() {
        return sourcePane;
    }

    /** Shows frame {@code frame} of the timeline's stacks in the source pane beside the range's flame graph. */
    public void showFrame(int frame) {
        tabs.getSelectionModel().select(flameTab);
        sourcePane.showFrame(data.timeline().stacks().frames(), frame);
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Chooses the flame graph's input: {@code "CPU samples"} or {@code "Blocked: chan"} and so on. */
    public void setSource(String s) {
        source.setValue(s);
    }

    /** Shows range {@code [from, to)}, or the whole trace when {@code to <= from}. */
    public void setRange(long rangeFrom, long rangeTo) {
        Timeline t = data.timeline();
        boolean whole = rangeTo <= rangeFrom;
        from = whole ? t.startNs() : rangeFrom;
        to = whole ? t.endNs() + 1 : rangeTo;
        rangeLabel.setText(whole ? "Whole trace (" + TimeTicks.duration(t.durationNs()) + ") — drag on the ruler to select a range"
                : TimeTicks.range(from, to, t.startNs()));
        refreshFlame();
        computeStats();
    }

    /** Starts the statistics of the current range in the background, cancelling the previous computation. */
    private void computeStats() {
        if (statsJob != null) {
            statsJob.cancel();
        }
        long generation = ++statsGeneration;
        long a = from;
        long b = to;
        table.getItems().clear();
        statsJob = runner.run(progress -> RangeStats.of(data, a, b, progress::cancelled), result -> {
            if (generation == statsGeneration) {
                stats = result;
                table.getItems().setAll(result.rows());
            }
        }, failure -> {
            if (generation == statsGeneration && !(failure instanceof java.util.concurrent.CancellationException)) {
                status.accept("Could not compute the range statistics: " + failure.getMessage());
            }
        });
    }

    /**
     * Gathers the stacks of the current range and source in the background (a whole trace holds millions of
     * intervals) and hands them to the flame graph, cancelling the previous gathering.
     */
    private void refreshFlame() {
        if (flameJob != null) {
            flameJob.cancel();
        }
        long generation = ++flameGeneration;
        String s = source.getValue();
        long a = from;
        long b = to;
        flameJob = runner.run(progress -> stacksOf(s, a, b), stacks -> {
            if (generation == flameGeneration) {
                flameModel.setInput(stacks);
            }
        }, failure -> {
            if (generation == flameGeneration && !(failure instanceof java.util.concurrent.CancellationException)) {
                status.accept("Could not gather the range's stacks: " + failure.getMessage());
            }
        });
    }

    private WeightedStacks stacksOf(String source, long a, long b) {
        if (source == null || source.startsWith(CPU)) {
            return data.timeline().cpuSamples(a, b);
        }
        BlockClass c = BlockClass.valueOf(source.substring("Blocked: ".length()).toUpperCase(java.util.Locale.ROOT));
        return data.timeline().blockedStacks(c, a, b);
    }

    private void buildTable() {
        table.setId("range-stats");
        table.setPlaceholder(new Label("Computing…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RangeStats.Row, String> group = new TableColumn<>("Group");
        group.setCellValueFactory(c -> new ReadOnlyStringWrapper(LaneRows.shortName(c.getValue().group())));
        group.setPrefWidth(260);
        TableColumn<RangeStats.Row, Integer> count = new TableColumn<>("Goroutines");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().goroutines()));
        table.getColumns().add(group);
        table.getColumns().add(count);
        for (int k = 0; k < SpanKind.COUNT; k++) {
            int kind = k;
            TableColumn<RangeStats.Row, Long> col = new TableColumn<>(SpanKind.label(k).replace("waiting: ", ""));
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().nsByKind()[kind]));
            col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Long v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null || v == 0 ? "" : TimeTicks.duration(v));
                }
            });
            table.getColumns().add(col);
        }
    }
}
