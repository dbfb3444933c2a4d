package dev.goroscope.app.leaks;

import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.LeakSuspect;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The ranked leak suspects of a dump or a series, with the rules' thresholds as a small form: changing one re-runs the
 * detection; clicking a suspect shows its rule and evidence below the list and hands it to {@code onPick}.
 */
public final class SuspectsPane extends BorderPane {
    private final ListView<LeakSuspect> list = new ListView<>();
    private final Label details = new Label("Select a suspect to see its rule and evidence");
    private final Spinner<Integer> blocked = new Spinner<>(0, 100_000, LeakRules.DEFAULTS.blockedMinutes());
    private final Spinner<Integer> syncWait = new Spinner<>(0, 100_000, LeakRules.DEFAULTS.syncWaitMinutes());
    private final Spinner<Integer> atOneSite = new Spinner<>(1, 10_000_000, LeakRules.DEFAULTS.manyAtOneSite());
    private final Spinner<Integer> growthSnapshots = new Spinner<>(2, 1000, LeakRules.DEFAULTS.growthMinSnapshots());
    private final Spinner<Integer> growthIncrease = new Spinner<>(1, 10_000_000, LeakRules.DEFAULTS.growthMinIncrease());

    SuspectsPane(Consumer<LeakRules> rulesChanged, Consumer<LeakSuspect> onPick) {
        setId("suspects-pane");
        list.setId("suspects-list");
        list.setPlaceholder(new Label("No leak suspects with these thresholds"));
        list.setCellFactory(v -> new SuspectCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                details.setText(details(b));
                onPick.accept(b);
            }
        });
        details.setId("suspect-details");
        details.setWrapText(true);
        details.setPadding(new Insets(4, 8, 4, 8));
        setCenter(list);
        setBottom(details);
        GridPane form = new GridPane();
        form.setId("leak-rules");
        form.setHgap(6);
        form.setVgap(4);
        form.setPadding(new Insets(6, 8, 6, 8));
        Object[][] rows = {
            {"Blocked on a channel from (min)", blocked},
            {"WaitGroup / Cond wait from (min)", syncWait},
            {"Many at one site from", atOneSite},
            {"Growing: snapshots at least", growthSnapshots},
            {"Growing: increase at least", growthIncrease}};
        for (int r = 0; r < rows.length; r++) {
            Spinner<?> s = (Spinner<?>) rows[r][1];
            s.setEditable(true);
            s.setPrefWidth(100);
            s.valueProperty().addListener((o, a, b) -> rulesChanged.accept(rules()));
            form.addRow(r, new Label((String) rows[r][0]), s);
        }
        Label title = new Label("Thresholds");
        title.getStyleClass().add("details-title");
        setRight(new VBox(4, title, form));
    }

    /** The thresholds the form shows. */
    LeakRules rules() {
        return new LeakRules(blocked.getValue(), syncWait.getValue(), atOneSite.getValue(),
                growthSnapshots.getValue(), growthIncrease.getValue(), LeakRules.DEFAULTS.timeAfterLiveTimers());
    }

    void show(List<LeakSuspect> suspects) {
        list.getItems().setAll(suspects);
    }

    public ListView<LeakSuspect> list() {
        return list;
    }

    public Spinner<Integer> blockedMinutes() {
        return blocked;
    }

    public Spinner<Integer> growthIncrease() {
        return growthIncrease;
    }

    /** The details of the selected suspect. */
    public Label details() {
        return details;
    }

    /** Adds what picking the suspect found, e.g. where its goroutines are in this dump. */
    void addToDetails(String line) {
        details.setText(details.getText() + "\n" + line);
    }

    /** "blocked-channel: blocked on a channel or select for a long time", then the evidence. */
    static String details(LeakSuspect s) {
        return s.rule().id() + ": " + s.rule().description() + "\n" + s.evidence();
    }

    /** Two lines: rule, count and entry function; then the evidence. */
    static String text(LeakSuspect s) {
        return s.rule().id() + "  ·  " + s.count() + "  ·  " + s.entryFunction() + "\n" + s.evidence();
    }

    private static final class SuspectCell extends ListCell<LeakSuspect> {
        @Override
        protected void updateItem(LeakSuspect item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text(item));
        }
    }
}
