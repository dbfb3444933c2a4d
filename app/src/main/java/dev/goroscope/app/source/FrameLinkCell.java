package dev.goroscope.app.source;

import dev.goroscope.model.stack.FrameTable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A stack list's cell for one frame (the item is its index in a {@link FrameTable}): the function on the first
 * line and its file:line below as a link that hands the frame to {@code open}, e.g. the source pane's
 * {@link SourcePane#showLink}. A frame without a file shows no link.
 */
public final class FrameLinkCell extends ListCell<Integer> {
    private final Supplier<FrameTable> frames;
    private final Consumer<FrameLink> open;
    private final Label function = new Label();
    private final Hyperlink location = new Hyperlink();
    private final VBox box = new VBox(1, function, location);
    private FrameLink link;

    public FrameLinkCell(Supplier<FrameTable> frames, Consumer<FrameLink> open) {
        this.frames = frames;
        this.open = open;
        function.getStyleClass().add("frame-function");
        location.getStyleClass().add("frame-link");
        location.setTooltip(new Tooltip("Show this line in the source pane"));
        location.setOnAction(e -> {
            location.setVisited(false);
            open.accept(link);
        });
    }

    @Override
    protected void updateItem(Integer frame, boolean empty) {
        super.updateItem(frame, empty);
        setText(null);
        if (empty || frame == null) {
            link = null;
            setGraphic(null);
            return;
        }
        link = new FrameLink(frames.get(), frame);
        function.setText(link.function());
        location.setText("    " + link.location());
        location.setVisible(!link.location().isEmpty());
        location.setManaged(location.isVisible());
        setGraphic(box);
    }
}
