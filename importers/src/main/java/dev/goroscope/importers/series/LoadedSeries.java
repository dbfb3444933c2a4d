package dev.goroscope.importers.series;

import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SeriesAnalysis;
import dev.goroscope.model.analysis.Snapshot;
import java.util.List;

/**
 * The snapshots read from a folder or a list of files, in time order, and what could not be read.
 *
 * @param snapshots the snapshots, oldest first, all counted over {@code keys}
 * @param keys      the key table the snapshots share (a live poll keeps adding to it)
 * @param problems  one line per file that could not be used, e.g. "a.txt: line 3: …"; empty when all were read
 * @param skipped   files of a folder that are no dump or profile (READMEs, JSON): names only
 */
public record LoadedSeries(List<Snapshot> snapshots, DiffKeys keys, List<String> problems, List<String> skipped) {
    public LoadedSeries {
        snapshots = List.copyOf(snapshots);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    /** The series analysed under {@code rules}. */
    public SeriesAnalysis analyse(LeakRules rules) {
        return SeriesAnalysis.of(snapshots, rules);
    }
}
