package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Objects;

/**
 * One point of a series: the goroutines of a dump or goroutine profile taken at a time.
 *
 * @param label      what the user knows it by (the file name)
 * @param timeMillis when it was taken, Unix milliseconds
 * @param counts     goroutines per key
 * @param stacks     goroutines per stack, for the differential call tree
 * @param dump       the dump, or null when the snapshot is a profile
 */
public record Snapshot(String label, long timeMillis, SnapshotCounts counts, WeightedStacks stacks, GoroutineDump dump) {
    public Snapshot {
        Objects.requireNonNull(label);
        Objects.requireNonNull(counts);
        Objects.requireNonNull(stacks);
    }

    public static Snapshot ofDump(String label, long timeMillis, GoroutineDump dump, DiffKeys keys) {
        return new Snapshot(label, timeMillis, SnapshotCounts.of(dump, keys), dump.stackCounts(), dump);
    }

    /** A snapshot of a goroutine profile, weighted by its default sample type. */
    public static Snapshot ofProfile(String label, long timeMillis, Profile profile, DiffKeys keys) {
        return new Snapshot(label, timeMillis, SnapshotCounts.of(profile, keys),
                profile.weightedStacks(profile.defaultSampleType()), null);
    }

    public long total() {
        return counts.total();
    }
}
