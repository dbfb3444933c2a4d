package dev.goroscope.app.leaks;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.analysis.Snapshot;
import dev.goroscope.model.analysis.SnapshotDiff;
import dev.goroscope.model.profile.Profile;

/**
 * Two snapshots compared, ready to show: the table's diff and the differential call tree (widths: the larger of
 * the two counts, so both growth and loss stay visible).
 *
 * @param title e.g. "a.txt → b.txt"
 */
public record Comparison(String title, SnapshotDiff diff, DiffTree tree) {
    /** Compares two opened files; each must be a goroutine dump or hold a goroutine profile. */
    public static Comparison of(String before, Dataset a, String after, Dataset b) {
        DiffKeys keys = new DiffKeys();
        Snapshot sa = snapshot(before, a, keys);
        Snapshot sb = snapshot(after, b, keys);
        return new Comparison(before + " → " + after, SnapshotDiff.of(sa.counts(), sb.counts()),
                DiffTree.of(sa.stacks(), sb.stacks(), DiffTree.Basis.MAX));
    }

    private static Snapshot snapshot(String label, Dataset d, DiffKeys keys) {
        if (d.dump() != null) {
            return Snapshot.ofDump(label, 0, d.dump(), keys);
        }
        for (Profile p : d.profiles()) {
            if (p.kind().equals("goroutine")) {
                return Snapshot.ofProfile(label, 0, p, keys);
            }
        }
        throw new IllegalArgumentException(label + ": neither a goroutine dump nor a goroutine profile");
    }
}
