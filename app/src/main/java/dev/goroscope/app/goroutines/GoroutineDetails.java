package dev.goroscope.app.goroutines;

import dev.goroscope.app.source.FrameLink;
import dev.goroscope.app.source.FrameLinkCell;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.StackTable;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One goroutine's header and its full stack, innermost frame first as Go prints it, with each frame's file:line
 * (and the creator's) as a link that opens the source there.
 */
final class GoroutineDetails extends VBox {
    private final Label title = new Label("Double-click a goroutine to see its stack");
    private final Label createdBy = new Label();
    private final Hyperlink creatorLink = new Hyperlink();
    private final Consumer<FrameLink> openSource;
    private final ListView<Integer> frames = new ListView<>();
    private GoroutineDump dump;

    GoroutineDetails(Consumer<FrameLink> openSource) {
        this.openSource = openSource;
        setId("goroutine-details");
        getStyleClass().add("goroutine-details");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        createdBy.getStyleClass().add("details-created-by");
        createdBy.setWrapText(true);
        createdBy.setMinHeight(Region.USE_PREF_SIZE);
        frames.setId("goroutine-frames");
        frames.getStyleClass().add("frame-list");
        frames.setCellFactory(v -> FrameLinkCell.ofFrames(() -> dump.stacks().frames(), openSource));
        creatorLink.setId("creator-link");
        creatorLink.getStyleClass().add("frame-link");
        creatorLink.setVisible(false);
        creatorLink.setManaged(false);
        frames.setPlaceholder(new Label(""));
        VBox.setVgrow(frames, Priority.ALWAYS);
        getChildren().addAll(title, frames, createdBy, creatorLink);
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
                + (d.parentId(g) >= 0 ? " in goroutine " + d.parentId(g) : ""));
        FrameLink creator = cb < 0 ? null : new FrameLink(d.stacks().frames(), cb);
        boolean linked = creator != null && !creator.location().isEmpty();
        creatorLink.setText(linked ? "    " + creator.location() : "");
        creatorLink.setOnAction(e -> openSource.accept(creator));
        creatorLink.setVisible(linked);
        creatorLink.setManaged(linked);
    }
}
