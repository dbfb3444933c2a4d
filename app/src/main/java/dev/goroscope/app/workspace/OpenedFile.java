package dev.goroscope.app.workspace;

import dev.goroscope.app.goroutines.GoroutineIndex;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.calltree.CallTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A file read and made ready to show, all of it off the FX thread: the dataset, the stacks it can show, the tree
 * of the first of them, and for a dump the index of goroutines by stack.
 *
 * @param firstTree  the tree of {@code sources.get(0)}, or null when there are no sources
 * @param goroutines for a dump, over the stacks of {@code sources.get(0)}; else null
 */
record OpenedFile(Path path, Dataset dataset, List<StackSource> sources, CallTree firstTree,
        GoroutineIndex goroutines) {
    static OpenedFile prepare(Path path, Dataset dataset) {
        List<StackSource> sources = StackSource.of(dataset);
        CallTree first = sources.isEmpty() ? null : CallTree.of(sources.get(0).stacks());
        GoroutineIndex index = dataset.dump() == null ? null
                : new GoroutineIndex(dataset.dump(), sources.get(0).stacks());
        return new OpenedFile(path, dataset, List.copyOf(sources), first, index);
    }
}
