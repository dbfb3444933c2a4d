package dev.goroscope.app.source;

import dev.goroscope.model.stack.FrameTable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A stack list's cell for one frame: a title on the first line (the function, perhaps with its arguments) and
 * the frame's file:line below as a link that hands the frame to {@code open}, e.g. the source pane's
 * {@link SourcePane#showLink}. A frame without a file shows no link.
 *
 * @param <T> what the list holds for a frame
 */
public final class FrameLinkCell<T> extends ListCell<T> {
    private final Function<T, FrameLink> linkOf;
    private final Function<T, String> titleOf;
    private final Label function = new Label();
    private final Hyperlink location = new Hyperlink();
    private final VBox box = new VBox(1, function, location);
    private FrameLink link;

    public FrameLinkCell(Function<T, FrameLink> linkOf, Function<T, String> titleOf, Consumer<FrameLink> open) {
        this.linkOf = linkOf;
        this.titleOf = titleOf;
        function.getStyleClass().add("frame-function");
        location.getStyleClass().add("frame-link");
        location.setTooltip(new Tooltip("Show this line in the source pane"));
        location.setOnAction(e -> {
            location.setVisited(false);
            open.accept(link);
        });
    }

    /** A cell for a list of frame indexes into {@code frames}, titled by the function's name. */
    public static FrameLinkCell<Integer> ofFrames(Supplier<FrameTable> frames, Consumer<FrameLink> open) {
        return new FrameLinkCell<>(f -> new FrameLink(frames.get(), f), f -> frames.get().functionName(f), open);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            link = null;
            setGraphic(null);
            return;
        }
        link = linkOf.apply(item);
        function.setText(titleOf.apply(item));
        boolean linked = link != null && !link.location().isEmpty();
        location.setText(linked ? "    " + link.location() : "");
        location.setVisible(linked);
        location.setManaged(linked);
        setGraphic(box);
    }
}
