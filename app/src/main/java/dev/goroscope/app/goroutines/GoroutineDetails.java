package dev.goroscope.app.goroutines;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One goroutine's header and its full stack, innermost frame first as Go prints it, with file:line per frame. */
final class GoroutineDetails extends VBox {
    private final Label title = new Label("Double-click a goroutine to see its stack");
    private final Label createdBy = new Label();
    private final ListView<Integer> frames = new ListView<>();
    private GoroutineDump dump;

    GoroutineDetails() {
        setId("goroutine-details");
        getStyleClass().add("goroutine-details");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        createdBy.getStyleClass().add("details-created-by");
        createdBy.setWrapText(true);
        createdBy.setMinHeight(Region.USE_PREF_SIZE);
        frames.setId("goroutine-frames");
        frames.getStyleClass().add("frame-list");
        frames.setCellFactory(v -> new FrameCell());
        frames.setPlaceholder(new Label(""));
        VBox.setVgrow(frames, Priority.ALWAYS);
        getChildren().addAll(title, frames, createdBy);
    }

    /** Shows goroutine {@code g} of {@code d}. */
    void show(GoroutineDump d, int g) {
        dump = d;
        StringBuilder t = new StringBuilder("Goroutine ").append(d.id(g)).append("  ·  ").append(d.state(g).label());
        if (d.waitReasonText(g) != null) {
            t.append(", ").append(d.waitReasonText(g));
        }
        if (d.waitMinutes(g) > 0) {
            t.append(", ").append(d.waitMinutes(g)).append(d.waitMinutes(g) == 1 ? " minute" : " minutes");
        }
        title.setText(t.toString());
        int[] rootFirst = d.stacks().framesRootFirst(d.stack(g));
        Integer[] leafFirst = new Integer[rootFirst.length];
        for (int i = 0; i < rootFirst.length; i++) {
            leafFirst[i] = rootFirst[rootFirst.length - 1 - i];
        }
        frames.getItems().setAll(leafFirst);
        frames.setPlaceholder(new Label(d.stack(g) == StackTable.EMPTY ? "No stack in the dump" : ""));
        int cb = d.createdBy(g);
        createdBy.setText(cb < 0 ? "" : "created by " + d.stacks().frames().functionName(cb)
                + (d.parentId(g) >= 0 ? " in goroutine " + d.parentId(g) : "") + "\n    "
                + location(d.stacks().frames(), cb));
    }

    private static String location(FrameTable frames, int frame) {
        String file = frames.fileName(frame);
        return file.isEmpty() ? "" : file + ":" + frames.line(frame);
    }

    /** A frame: function on the first line, file:line below it. */
    private final class FrameCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer frame, boolean empty) {
            super.updateItem(frame, empty);
            if (empty || frame == null) {
                setText(null);
                return;
            }
            FrameTable f = dump.stacks().frames();
            setText(f.functionName(frame) + "\n    " + location(f, frame));
        }
    }
}
