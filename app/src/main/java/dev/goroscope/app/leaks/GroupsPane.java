package dev.goroscope.app.leaks;

import dev.goroscope.app.source.FrameLink;
import dev.goroscope.app.source.FrameLinkCell;
import dev.goroscope.model.analysis.GoroutineGroup;
import dev.goroscope.model.analysis.GoroutineGroups;
import dev.goroscope.model.analysis.GroupOrder;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The groups of a dump: a similarity and an order selector, a virtualised table with one row per group, and the
 * selected group's representative stack (with each frame's argument summary) and member goroutine ids.
 */
public final class GroupsPane extends BorderPane {
    private final ComboBox<Similarity> similarity = new ComboBox<>();
    private final Spinner<Integer> topFrames = new Spinner<>(0, 64, 0);
    private final ComboBox<String> order = new ComboBox<>();
    private final TableView<GoroutineGroup> table = new TableView<>();
    private final Label stackTitle = new Label("Select a group to see its stack");
    private final ListView<StackLine> frames = new ListView<>();
    private final TextArea members = new TextArea();
    private GoroutineGroups groups;

    /**
     * One line of a group's stack: the function with its arguments (or the "created by" line) and the frame,
     * whose file:line links to the source.
     */
    public record StackLine(String title, FrameLink frame) {
    }

    /**
     * {@code regroup} is called with the options the user picked; {@code openSource} with a frame of the shown
     * stack whose file:line the user clicked.
     */
    GroupsPane(Consumer<GroupingOptions> regroup, Consumer<FrameLink> openSource) {
        setId("groups-pane");
        similarity.setId("group-similarity");
        similarity.getItems().setAll(Similarity.values());
        similarity.setValue(Similarity.LINES);
        similarity.setTooltip(new Tooltip("How alike goroutines must be to share a group"));
        topFrames.setId("group-top-frames");
        topFrames.setPrefWidth(70);
        topFrames.setTooltip(new Tooltip("Compare only the innermost N frames (0 = all)"));
        order.setId("group-order");
        order.getItems().setAll("Count", "My code first", "Longest wait");
        order.setValue("Count");
        Runnable changed = () -> regroup.accept(similarity.getValue().options(topFrames.getValue()));
        similarity.valueProperty().addListener((o, a, b) -> changed.run());
        topFrames.valueProperty().addListener((o, a, b) -> changed.run());
        order.valueProperty().addListener((o, a, b) -> refill());
        HBox bar = new HBox(8, new Label("Group by"), similarity, new Label("top frames"), topFrames,
                new Label("Order"), order);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);

        table.setId("groups-table");
        table.getColumns().setAll(List.of(
                column("Count", 64, g -> String.valueOf(g.count())),
                column("State", 110, GoroutineGroup::stateLabel),
                column("Wait", 90, GroupCells::waitRange),
                histogramColumn(),
                column("Entry function", 220, GoroutineGroup::entryFunction),
                column("Leaf function", 220, GoroutineGroup::leafFunction),
                column("Created by", 200, g -> g.createdBy() == null ? "" : g.createdBy()),
                column("Locked", 64, g -> g.lockedToThread() == 0 ? "" : String.valueOf(g.lockedToThread())),
                column("Leaked", 64, g -> g.leaked() == 0 ? "" : String.valueOf(g.leaked()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Grouping…"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showGroup(b));

        frames.setId("group-frames");
        frames.setCellFactory(v -> new FrameLinkCell<>(StackLine::frame, StackLine::title, openSource));
        members.setId("group-members");
        members.setEditable(false);
        members.setWrapText(true);
        members.setPrefRowCount(3);
        VBox details = new VBox(4, stackTitle, frames, new Label("Members"), members);
        details.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(frames, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    /** Shows freshly computed groups, keeping the selection on the group of the same first goroutine. */
    void show(GoroutineGroups g) {
        int keep = table.getSelectionModel().getSelectedItem() == null || groups == null ? -1
                : groups.representative(table.getSelectionModel().getSelectedItem().index());
        groups = g;
        table.setPlaceholder(new Label("No goroutines"));
        refill();
        if (keep >= 0) {
            select(g.groupOf(keep));
        }
    }

    /** Selects and reveals group {@code index} of the shown groups. */
    public void select(int index) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).index() == index) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    public TableView<GoroutineGroup> table() {
        return table;
    }

    public ListView<StackLine> frames() {
        return frames;
    }

    private void refill() {
        if (groups == null) {
            return;
        }
        GroupOrder by = switch (order.getValue()) {
            case "My code first" -> GroupOrder.MY_CODE_FIRST;
            case "Longest wait" -> GroupOrder.LONGEST_WAIT;
            default -> GroupOrder.COUNT;
        };
        List<GoroutineGroup> rows = new ArrayList<>(groups.size());
        for (int i : groups.order(by)) {
            rows.add(groups.group(i));
        }
        table.getItems().setAll(rows);
    }

    private void showGroup(GoroutineGroup g) {
        if (g == null) {
            stackTitle.setText("Select a group to see its stack");
            frames.getItems().clear();
            members.clear();
            return;
        }
        GoroutineDump dump = groups.dump();
        int rep = groups.representative(g.index());
        stackTitle.setText(g.count() + " × " + g.stateLabel() + " — stack of goroutine " + dump.id(rep));
        FrameTable ft = dump.stacks().frames();
        int[] rootFirst = dump.stacks().framesRootFirst(dump.stack(rep));
        List<StackLine> lines = new ArrayList<>(rootFirst.length + 1);
        for (int i = 0; i < rootFirst.length; i++) {
            int f = rootFirst[rootFirst.length - 1 - i];
            String call = ft.functionName(f) + "(" + groups.arguments(g.index(), i) + ")";
            lines.add(new StackLine(call, new FrameLink(ft, f)));
        }
        int creator = dump.createdBy(rep);
        if (g.createdBy() != null && creator >= 0) {
            lines.add(new StackLine("created by " + g.createdBy(), new FrameLink(ft, creator)));
        }
        frames.getItems().setAll(lines);
        StringBuilder ids = new StringBuilder();
        for (int m : groups.members(g.index())) {
            ids.append(ids.length() == 0 ? "" : ", ").append(dump.id(m));
        }
        members.setText(ids.toString());
    }

    private static TableColumn<GoroutineGroup, String> column(String title, double width,
            Function<GoroutineGroup, String> text) {
        TableColumn<GoroutineGroup, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 64));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        return c;
    }

    private static TableColumn<GoroutineGroup, String> histogramColumn() {
        TableColumn<GoroutineGroup, String> c = column("Waits", 70,
                g -> g.maxWaitMinutes() > 0 ? GroupCells.histogram(g.waitHistogram()) : "");
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                GoroutineGroup g = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(g == null || item.isEmpty() ? null
                        : new Tooltip(GroupCells.histogramText(g.waitHistogram())));
            }
        });
        return c;
    }
}
