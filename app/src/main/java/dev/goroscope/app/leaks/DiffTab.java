package dev.goroscope.app.leaks;

import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.flame.FlameGraphPane;
import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.analysis.DiffEntry;
import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.calltree.CallTree;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A derived tab "A → B": the differential flame graph (red = more in B, blue = less; the tooltip gives before,
 * after and delta; the colours follow focus, hide, drop and invert) over the table of changed groups, largest
 * |delta| first.
 */
public final class DiffTab extends Tab {
    private final TableView<DiffEntry> table = new TableView<>();
    private final FlameGraphModel model;
    private final FlameGraphPane flame;
    private final DiffTree diff;
    private DiffColors colors;

    public DiffTab(Comparison c, TaskRunner runner, Consumer<String> status) {
        super(c.title());
        setId("diff-tab");
        diff = c.tree();
        colors = new DiffColors(diff);
        model = new FlameGraphModel(c.tree().tree(), runner);
        flame = new FlameGraphPane(model, status);
        flame.canvas().setNodeColors(n -> colorsOf(model.tree()).rgb(n));
        flame.canvas().setNodeNotes(n -> colorsOf(model.tree()).note(n));
        flame.addLeadingControl(new Label("Total " + c.diff().totalBefore() + " → " + c.diff().totalAfter()));
        table.setId("diff-table");
        table.getColumns().setAll(List.of(
                column("Change", 80, e -> e.change().name().toLowerCase(java.util.Locale.ROOT)),
                column("Before", 70, DiffEntry::before),
                column("After", 70, DiffEntry::after),
                column("Delta", 70, e -> (e.delta() > 0 ? "+" : "") + e.delta()),
                column("Wait reason", 120, DiffEntry::waitReason),
                column("Entry function", 300, DiffEntry::entryFunction),
                column("Leaf function", 300, DiffEntry::leafFunction)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("The two snapshots have the same goroutines"));
        table.getItems().setAll(c.diff().changed());
        SplitPane split = new SplitPane(flame, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setContent(split);
    }

    public TableView<DiffEntry> table() {
        return table;
    }

    public FlameGraphModel model() {
        return model;
    }

    public FlameGraphPane flame() {
        return flame;
    }

    /**
     * The colours of {@code shown}, the tree on screen: after a focus, hide, drop or invert it is a new tree of the
     * same stacks, whose nodes get their before and after from the stacks that pass through them.
     */
    private DiffColors colorsOf(CallTree shown) {
        if (colors.tree() != shown) {
            colors = new DiffColors(diff.over(shown));
        }
        return colors;
    }

    private static <T> TableColumn<DiffEntry, T> column(String title, double width, Function<DiffEntry, T> value) {
        TableColumn<DiffEntry, T> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return col;
    }
}
