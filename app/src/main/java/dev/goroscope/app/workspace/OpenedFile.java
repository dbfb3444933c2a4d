package dev.goroscope.app.workspace;

import dev.goroscope.app.goroutines.GoroutineIndex;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.calltree.CallTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A file read and made ready to show, all of it off the FX thread: the dataset, the stacks it can show, the tree
 * of the one shown first, and for a dump the index of goroutines by stack.
 *
 * @param path        the file, or the first of several merged into the dataset
 * @param title       what the tab is called: the file's name, or "cpu.pprof + 2 more" for merged files
 * @param description the tab's tooltip: the file's path, or every merged file's, one a line
 * @param shownFirst  the index of the source shown first (see {@link StackSource#shownFirst})
 * @param firstTree   the tree of {@code sources.get(shownFirst)}, or null when there are no sources
 * @param goroutines  for a dump, over the stacks of {@code sources.get(0)}; else null
 */
record OpenedFile(Path path, String title, String description, Dataset dataset, List<StackSource> sources,
        int shownFirst, CallTree firstTree, GoroutineIndex goroutines) {
    static OpenedFile prepare(Path path, Dataset dataset) {
        return prepare(path, String.valueOf(path.getFileName()), path.toString(), dataset);
    }

    static OpenedFile prepare(Path path, String title, String description, Dataset dataset) {
        List<StackSource> sources = StackSource.of(dataset);
        int shownFirst = StackSource.shownFirst(sources, dataset);
        CallTree first = sources.isEmpty() ? null : CallTree.of(sources.get(shownFirst).stacks());
        GoroutineIndex index = dataset.dump() == null ? null
                : new GoroutineIndex(dataset.dump(), sources.get(0).stacks());
        return new OpenedFile(path, title, description, dataset, List.copyOf(sources), shownFirst, first,
                index);
    }
}
