package dev.goroscope.app.leaks;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.analysis.LeakDetector;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.SeriesRow;
import dev.goroscope.model.analysis.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Goroutine counts over a series of snapshots: a line chart of the total and the ten largest groups per snapshot,
 * a table of every group's growth (monotonic growth flagged), the series' leak suspects (groups that grow, with the
 * thresholds editable), and two pickers whose diff opens in a new tab. Clicking a point of the chart picks its
 * snapshot; clicking a point of another snapshot then opens their diff.
 */
public final class SeriesView extends BorderPane {
    static final int CHARTED = 10;
    private static final double PICKED_SCALE = 1.8;

    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final TableView<SeriesRow> table = new TableView<>();
    private final ComboBox<String> from = new ComboBox<>();
    private final ComboBox<String> to = new ComboBox<>();
    private final Button diff = new Button("Diff");
    private final Label picked = new Label("Click a point to pick its snapshot, then another to compare them");
    private final SuspectsPane suspects = new SuspectsPane(this::reanalyse, this::pick);
    private final Tab groupsTab = new Tab("Groups over time", table);
    private final Tab suspectsTab = new Tab("Leak suspects", suspects);
    private final TabPane lower = new TabPane(groupsTab, suspectsTab);
    private final TaskRunner runner;
    private final Consumer<String> status;
    private final Consumer<Tab> openTab;
    private SeriesAnalysis series;
    private int pickedPoint = -1;

    /** {@code openTab} receives the diff tabs the user opens. */
    public SeriesView(TaskRunner runner, Consumer<String> status, Consumer<Tab> openTab) {
        this.runner = runner;
        this.status = status;
        this.openTab = openTab;
        setId("series-view");
        x.setLabel("snapshot");
        x.setForceZeroInRange(false);
        y.setLabel("goroutines");
        chart.setId("series-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        table.setId("series-table");
        table.getColumns().setAll(List.of(
                column("Growing", 70, r -> r.growing() ? "▲ growing" : ""),
                column("First", 60, SeriesRow::first),
                column("Last", 60, SeriesRow::last),
                column("Per snapshot", 90, r -> String.format(Locale.ROOT, "%+.1f", r.perSnapshot())),
                column("Per minute", 90, r -> Double.isNaN(r.perMinute()) ? ""
                        : String.format(Locale.ROOT, "%+.1f", r.perMinute())),
                column("Wait reason", 110, SeriesRow::waitReason),
                column("Entry function", 260, SeriesRow::entryFunction),
                column("Leaf function", 260, SeriesRow::leafFunction)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        from.setId("series-from");
        to.setId("series-to");
        diff.setId("series-diff");
        diff.setOnAction(e -> compare(from.getSelectionModel().getSelectedIndex(),
                to.getSelectionModel().getSelectedIndex()));
        picked.setId("series-picked");
        HBox bar = new HBox(8, new Label("Compare"), from, new Label("with"), to, diff, picked);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        groupsTab.setId("series-groups-tab");
        suspectsTab.setId("series-suspects-tab");
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(chart, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    /**
     * Shows {@code s} (again, when a live series grew), keeping the picked points where they still exist; a "with"
     * picker on the latest snapshot moves on to the new latest one.
     */
    public void show(SeriesAnalysis s) {
        series = s;
        List<Snapshot> snaps = s.snapshots();
        int a = from.getSelectionModel().getSelectedIndex();
        int b = to.getSelectionModel().getSelectedIndex();
        boolean toLatest = b < 0 || b == to.getItems().size() - 1;
        List<String> labels = snaps.stream().map(Snapshot::label).toList();
        from.getItems().setAll(labels);
        to.getItems().setAll(labels);
        if (!labels.isEmpty()) {
            from.getSelectionModel().select(a >= 0 && a < labels.size() ? a : 0);
            to.getSelectionModel().select(toLatest || b >= labels.size() ? labels.size() - 1 : b);
        }
        if (pickedPoint >= labels.size()) {
            pickedPoint = -1;
        }
        XYChart.Series<Number, Number> total = new XYChart.Series<>();
        total.setName("total");
        for (int t = 0; t < snaps.size(); t++) {
            total.getData().add(point(t, s.total(t)));
        }
        chart.getData().setAll(List.of(total));
        s.rows().stream().sorted((p, q) -> Long.compare(q.last(), p.last())).limit(CHARTED).forEach(r -> {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(shortName(r.entryFunction()) + " · " + r.waitReason());
            for (int t = 0; t < r.counts().length; t++) {
                line.getData().add(point(t, r.counts()[t]));
            }
            chart.getData().add(line);
        });
        table.getItems().setAll(s.rows());
        markPicked();
        List<LeakSuspect> found = new LeakDetector(suspects.rules()).detect(null, s, List.of());
        suspects.show(found);
        suspectsTab.setText("Leak suspects (" + found.size() + ")");
    }

    /** The thresholds the suspects form shows; a series shown here should be analysed with them. */
    public LeakRules rules() {
        return suspects.rules();
    }

    public SuspectsPane suspects() {
        return suspects;
    }

    private void reanalyse(LeakRules rules) {
        if (series == null) {
            return;
        }
        List<Snapshot> snaps = series.snapshots();
        runner.run(p -> SeriesAnalysis.of(snaps, rules), this::show,
                error -> status.accept("Cannot analyse the series: " + error.getMessage()));
    }

    /** Shows the table row of the group a suspect names. */
    private void pick(LeakSuspect s) {
        for (int i = 0; i < table.getItems().size(); i++) {
            SeriesRow r = table.getItems().get(i);
            if (r.entryFunction().equals(s.entryFunction()) && r.leafFunction().equals(s.leafFunction())
                    && r.waitReason().equals(s.waitReason())) {
                lower.getSelectionModel().select(groupsTab);
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return;
            }
        }
        suspects.addToDetails("No group of the series has these functions and wait reason any more.");
    }

    /**
     * A click on a point of snapshot {@code t}: picks it as the "before" snapshot, or, when another snapshot is
     * picked already, opens the diff of the two (the earlier one first) and starts over.
     */
    public void pickPoint(int t) {
        if (series == null || t < 0 || t >= series.snapshots().size()) {
            return;
        }
        if (pickedPoint < 0 || pickedPoint == t) {
            pickedPoint = t;
            from.getSelectionModel().select(t);
            picked.setText("Picked " + series.snapshots().get(t).label() + " (" + series.total(t)
                    + " goroutines): click a point of another snapshot to compare");
            markPicked();
            return;
        }
        int a = Math.min(pickedPoint, t);
        int b = Math.max(pickedPoint, t);
        pickedPoint = -1;
        from.getSelectionModel().select(a);
        to.getSelectionModel().select(b);
        picked.setText("Compared " + series.snapshots().get(a).label() + " with " + series.snapshots().get(b).label());
        markPicked();
        compare(a, b);
    }

    /** The snapshot picked by a click on the chart and waiting for a second one, or -1. */
    public int pickedPoint() {
        return pickedPoint;
    }

    public Label pickedLabel() {
        return picked;
    }

    /** Draws the points of the picked snapshot larger. */
    private void markPicked() {
        for (XYChart.Series<Number, Number> line : chart.getData()) {
            for (XYChart.Data<Number, Number> d : line.getData()) {
                if (d.getNode() != null) {
                    double scale = d.getXValue().intValue() == pickedPoint + 1 ? PICKED_SCALE : 1;
                    d.getNode().setScaleX(scale);
                    d.getNode().setScaleY(scale);
                }
            }
        }
    }

    private void compare(int a, int b) {
        if (series == null || a < 0 || b < 0 || a == b) {
            status.accept("Pick two different snapshots to compare");
            return;
        }
        SeriesAnalysis s = series;
        String title = s.snapshots().get(a).label() + " → " + s.snapshots().get(b).label();
        runner.run(p -> new Comparison(title, s.diff(a, b), s.diffTree(a, b, DiffTree.Basis.MAX)),
                c -> openTab.accept(new DiffTab(c, runner, status)),
                error -> status.accept("Cannot compare: " + error.getMessage()));
    }

    /** The point of snapshot {@code t} (x = t + 1); its symbol picks the snapshot when clicked. */
    private XYChart.Data<Number, Number> point(int t, long count) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(t + 1, count);
        d.nodeProperty().addListener((o, old, symbol) -> clickable(symbol, t, count));
        return d;
    }

    private void clickable(Node symbol, int t, long count) {
        if (symbol == null) {
            return;
        }
        symbol.setCursor(Cursor.HAND);
        symbol.setOnMouseClicked(e -> pickPoint(t));
        Tooltip.install(symbol, new Tooltip(series.snapshots().get(t).label() + ": " + count
                + " goroutines (click to pick)"));
    }

    public TableView<SeriesRow> table() {
        return table;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public Button diffButton() {
        return diff;
    }

    private static String shortName(String function) {
        int slash = function.lastIndexOf('/');
        return slash < 0 ? function : function.substring(slash + 1);
    }

    private static <T> TableColumn<SeriesRow, T> column(String title, double width, Function<SeriesRow, T> value) {
        TableColumn<SeriesRow, T> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return col;
    }
}
