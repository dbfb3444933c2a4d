package dev.goroscope.app.flame;

import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A flame graph with its controls: search (regular expression) with the matched share, a busy sign while a tree
 * is built, the callers toggle, flame/icicle orientation, breadcrumbs with a reset button, the chips of active
 * transforms, and the canvas.
 */
public final class FlameGraphPane extends VBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final FlameGraphModel model;
    private final FlameGraphCanvas canvas;
    private final HBox toolbar = new HBox();
    private final HBox crumbBar = new HBox();
    private final TextField search = new TextField();
    private final Label matched = new Label();
    private final ToggleButton callers = new ToggleButton("Callers");
    private final ToggleButton flame = new ToggleButton("Flame");
    private final ToggleButton icicle = new ToggleButton("Icicle");

    public FlameGraphPane(FlameGraphModel model, Consumer<String> status) {
        this.model = model;
        this.canvas = new FlameGraphCanvas(model, status);
        getStyleClass().add("flame-pane");

        search.setId("search-field");
        search.setPromptText("Search functions (regex)");
        search.getStyleClass().add("search-field");
        search.setPrefColumnCount(24);
        search.textProperty().addListener((o, a, text) -> model.setSearch(text));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        matched.setId("match-label");
        matched.getStyleClass().add("match-label");

        callers.setId("callers-toggle");
        callers.setTooltip(new Tooltip("Invert the stacks: who calls the innermost functions"));
        callers.setOnAction(e -> model.setCallers(callers.isSelected()));
        ToggleGroup orientation = new ToggleGroup();
        flame.setId("flame-toggle");
        icicle.setId("icicle-toggle");
        flame.setToggleGroup(orientation);
        icicle.setToggleGroup(orientation);
        flame.getStyleClass().addAll("segment", "segment-left");
        icicle.getStyleClass().addAll("segment", "segment-right");
        flame.setTooltip(new Tooltip("Flame graph: root at the bottom"));
        icicle.setTooltip(new Tooltip("Icicle graph: root at the top"));
        flame.setOnAction(e -> model.setIcicle(false));
        icicle.setOnAction(e -> model.setIcicle(true));
        for (ToggleButton b : new ToggleButton[] {callers, flame, icicle}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox segments = new HBox(flame, icicle);
        segments.getStyleClass().add("segmented");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy-spinner");
        Label building = new Label("Building the call tree…");
        building.getStyleClass().add("busy-label");
        HBox busy = new HBox(spinner, building);
        busy.setId("busy-indicator");
        busy.getStyleClass().add("busy-indicator");
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getStyleClass().add("flame-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getChildren().addAll(search, matched, busy, spacer, callers, segments);

        Button reset = new Button("Reset zoom");
        reset.setId("reset-zoom");
        reset.getStyleClass().add("small-button");
        reset.setOnAction(e -> model.resetZoom());
        Breadcrumbs crumbs = new Breadcrumbs(model);
        Region crumbSpacer = new Region();
        HBox.setHgrow(crumbSpacer, Priority.ALWAYS);
        crumbBar.getChildren().addAll(crumbs, crumbSpacer, reset);
        crumbBar.getStyleClass().add("crumb-bar");
        crumbBar.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(toolbar, crumbBar, new TransformChips(model), canvas);

        model.snapshotProperty().addListener((o, a, b) -> sync());
        model.searchErrorProperty().addListener((o, a, b) -> sync());
        sync();
    }

    public FlameGraphCanvas canvas() {
        return canvas;
    }

    /** Puts {@code node} (e.g. a sample type chooser) at the start of the toolbar. */
    public void addLeadingControl(Node node) {
        toolbar.getChildren().add(0, node);
    }

    /** Puts {@code node} (e.g. label filters) in the breadcrumb bar, before the reset button. */
    public void addCrumbBarControl(Node node) {
        crumbBar.getChildren().add(crumbBar.getChildren().size() - 1, node);
    }

    /** What the search field holds, even when it is not a valid regular expression. */
    public String searchText() {
        return search.getText();
    }

    /** Puts {@code text} in the search field, which searches for it as if typed. */
    public void setSearchText(String text) {
        search.setText(text);
    }

    /** Moves the keyboard focus to the search field. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void sync() {
        FlameSnapshot s = model.snapshot();
        String error = model.searchErrorProperty().get();
        search.pseudoClassStateChanged(ERROR, !error.isEmpty());
        matched.pseudoClassStateChanged(ERROR, !error.isEmpty());
        if (!error.isEmpty()) {
            matched.setText("Invalid regex: " + error);
        } else if (s.search() != null) {
            matched.setText("Matched: " + WeightFormat.percent(s.search().percent()));
        } else {
            matched.setText("");
        }
        callers.setSelected(model.isCallers());
        flame.setSelected(!s.view().icicle());
        icicle.setSelected(s.view().icicle());
    }
}
