package dev.goroscope.app.goroutines;

import dev.goroscope.app.flame.WeightFormat;
import dev.goroscope.app.source.FrameLink;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.StackTable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The goroutines of a dump that pass through the flame graph's zoomed node, as a table (id, state, wait reason,
 * minutes waiting, innermost function, creator), with a stack pane for the goroutine double-clicked whose
 * file:line links open the source.
 */
public final class GoroutinePane extends VBox {
    private final GoroutineIndex index;
    private final Label header = new Label();
    private final TableView<Integer> table = new TableView<>();
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private final GoroutineDetails details;

    /** {@code openSource} receives the frames whose file:line the user clicks in a goroutine's stack. */
    public GoroutinePane(GoroutineIndex index, Consumer<FrameLink> openSource) {
        this.index = index;
        this.details = new GoroutineDetails(openSource);
        getStyleClass().add("goroutine-pane");
        header.setId("goroutine-header");
        header.getStyleClass().add("pane-header");
        table.setId("goroutine-table");
        table.setItems(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No goroutine passes through this frame"));
        addColumns();
        table.setRowFactory(t -> {
            TableRow<Integer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    details.show(index.dump(), row.getItem());
                }
            });
            return row;
        });
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(details, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, split);
    }

    /** Lists the goroutines whose stack passes through {@code node} of {@code tree}. */
    public void show(CallTree tree, int node) {
        int[] gs = index.through(tree, node);
        Integer[] boxed = new Integer[gs.length];
        for (int i = 0; i < gs.length; i++) {
            boxed[i] = gs[i];
        }
        rows.setAll(boxed);
        table.sort();
        String count = WeightFormat.count(gs.length) + (gs.length == 1 ? " goroutine" : " goroutines");
        header.setText(node == CallTree.ROOT ? count : count + " through " + tree.name(node));
    }

    /** The goroutine indices listed, in table order. */
    public ObservableList<Integer> rows() {
        return table.getItems();
    }

    private void addColumns() {
        GoroutineDump d = index.dump();
        table.getColumns().add(column("ID", 70, g -> d.id(g)));
        table.getColumns().add(column("State", 80, g -> d.state(g).label()));
        table.getColumns().add(column("Wait reason", 130, g -> orEmpty(d.waitReasonText(g))));
        TableColumn<Integer, Integer> minutes = column("Waiting", 80, d::waitMinutes);
        minutes.setCellFactory(c -> new MinutesCell());
        table.getColumns().add(minutes);
        table.getColumns().add(column("Top frame", 260, g -> topFrame(d, g)));
        table.getColumns().add(column("Created by", 220,
                g -> d.createdBy(g) < 0 ? "" : d.stacks().frames().functionName(d.createdBy(g))));
    }

    private static <T> TableColumn<Integer, T> column(String title, double width, Function<Integer, T> value) {
        TableColumn<Integer, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static String topFrame(GoroutineDump d, int g) {
        int s = d.stack(g);
        return s == StackTable.EMPTY ? "" : d.stacks().frames().functionName(d.stacks().frame(s));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Minutes waiting as "12 min", blank when the dump gave none. */
    private static final class MinutesCell extends javafx.scene.control.TableCell<Integer, Integer> {
        @Override
        protected void updateItem(Integer m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null || m == 0 ? null : m + " min");
        }
    }
}
