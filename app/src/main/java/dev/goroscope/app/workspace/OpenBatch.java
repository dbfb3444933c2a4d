package dev.goroscope.app.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files opened together (one File → Open selection, one drop, the command line): collects their tabs as each
 * load ends, and once all have ended hands over the tabs that opened, in the order the files were given.
 */
final class OpenBatch {
    private final DocumentTab[] tabs;
    private final Consumer<List<DocumentTab>> whenDone;
    private int ended;

    OpenBatch(int files, Consumer<List<DocumentTab>> whenDone) {
        this.tabs = new DocumentTab[files];
        this.whenDone = whenDone;
    }

    /** File {@code index} opened in {@code tab}, or failed when {@code tab} is null. */
    void ended(int index, DocumentTab tab) {
        tabs[index] = tab;
        if (++ended == tabs.length) {
            List<DocumentTab> opened = new ArrayList<>(Arrays.asList(tabs));
            opened.removeIf(t -> t == null);
            whenDone.accept(opened);
        }
    }
}
