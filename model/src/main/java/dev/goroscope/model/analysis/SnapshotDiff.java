package dev.goroscope.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two snapshots compared key by key (see {@link DiffKeys}): new, gone, grown, shrunk and unchanged groups, sorted by
 * |delta| (largest change first), then by count after, then by the key's names. Linear in the number of keys.
 */
public final class SnapshotDiff {
    private static final Comparator<DiffEntry> ORDER = Comparator
            .comparingLong((DiffEntry e) -> -Math.abs(e.delta()))
            .thenComparingLong(e -> -e.after())
            .thenComparing(DiffEntry::entryFunction)
            .thenComparing(DiffEntry::leafFunction)
            .thenComparing(DiffEntry::waitReason);

    private final List<DiffEntry> entries;
    private final long totalBefore;
    private final long totalAfter;

    private SnapshotDiff(List<DiffEntry> entries, long totalBefore, long totalAfter) {
        this.entries = List.copyOf(entries);
        this.totalBefore = totalBefore;
        this.totalAfter = totalAfter;
    }

    /** Compares {@code before} with {@code after}; both must count over the same {@link DiffKeys}. */
    public static SnapshotDiff of(SnapshotCounts before, SnapshotCounts after) {
        if (before.keys() != after.keys()) {
            throw new IllegalArgumentException("snapshots counted over different key tables");
        }
        DiffKeys keys = before.keys();
        List<DiffEntry> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int ki = i < before.size() ? before.key(i) : Integer.MAX_VALUE;
            int kj = j < after.size() ? after.key(j) : Integer.MAX_VALUE;
            int k = Math.min(ki, kj);
            long b = ki == k ? before.count(i++) : 0;
            long a = kj == k ? after.count(j++) : 0;
            DiffKeys.Key key = keys.get(k);
            out.add(new DiffEntry(key.entryFunction(), key.leafFunction(), key.waitReason(), b, a, a - b,
                    DiffEntry.Change.of(b, a)));
        }
        out.sort(ORDER);
        return new SnapshotDiff(out, before.total(), after.total());
    }

    /** All keys present in either snapshot, largest change first. */
    public List<DiffEntry> entries() {
        return entries;
    }

    /** The entries that changed. */
    public List<DiffEntry> changed() {
        return entries.stream().filter(e -> e.delta() != 0).toList();
    }

    public long totalBefore() {
        return totalBefore;
    }

    public long totalAfter() {
        return totalAfter;
    }
}
