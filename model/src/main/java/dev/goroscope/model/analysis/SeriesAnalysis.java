package dev.goroscope.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Goroutine counts over a series of snapshots: per key, the count at each snapshot, its growth rate and whether
 * it grew monotonically; the total per snapshot; and a diff of any two points. Snapshots are taken in time order.
 * Rows are sorted growing first, then by growth per snapshot, then by last count.
 */
public final class SeriesAnalysis {
    private final List<Snapshot> snapshots;
    private final List<SeriesRow> rows;
    private final long[] totals;

    private SeriesAnalysis(List<Snapshot> snapshots, List<SeriesRow> rows, long[] totals) {
        this.snapshots = snapshots;
        this.rows = rows;
        this.totals = totals;
    }

    /** Analyses {@code snapshots} (any order; all counted over one {@link DiffKeys}). */
    public static SeriesAnalysis of(List<Snapshot> snapshots, LeakRules rules) {
        List<Snapshot> sorted = new ArrayList<>(snapshots);
        sorted.sort(Comparator.comparingLong(Snapshot::timeMillis));
        int n = sorted.size();
        if (n == 0) {
            return new SeriesAnalysis(List.of(), List.of(), new long[0]);
        }
        DiffKeys keys = sorted.get(0).counts().keys();
        for (Snapshot s : sorted) {
            if (s.counts().keys() != keys) {
                throw new IllegalArgumentException("snapshots counted over different key tables");
            }
        }
        int k = keys.size();
        long[][] byKey = new long[k][];
        long[] totals = new long[n];
        for (int t = 0; t < n; t++) {
            SnapshotCounts c = sorted.get(t).counts();
            totals[t] = c.total();
            for (int i = 0; i < c.size(); i++) {
                int key = c.key(i);
                if (byKey[key] == null) {
                    byKey[key] = new long[n];
                }
                byKey[key][t] = c.count(i);
            }
        }
        double[] minutes = new double[n];
        double[] index = new double[n];
        for (int t = 0; t < n; t++) {
            minutes[t] = (sorted.get(t).timeMillis() - sorted.get(0).timeMillis()) / 60_000.0;
            index[t] = t;
        }
        boolean timed = minutes[n - 1] > 0;
        List<SeriesRow> rows = new ArrayList<>();
        for (int key = 0; key < k; key++) {
            long[] c = byKey[key];
            if (c == null) {
                continue;
            }
            DiffKeys.Key name = keys.get(key);
            rows.add(new SeriesRow(name.entryFunction(), name.leafFunction(), name.waitReason(), c,
                    timed ? slope(minutes, c) : Double.NaN, slope(index, c), growing(c, rules)));
        }
        rows.sort(Comparator.comparing((SeriesRow r) -> !r.growing())
                .thenComparingDouble(r -> -r.perSnapshot())
                .thenComparingLong(r -> -r.last())
                .thenComparing(SeriesRow::entryFunction));
        return new SeriesAnalysis(List.copyOf(sorted), List.copyOf(rows), totals);
    }

    static boolean growing(long[] c, LeakRules rules) {
        if (c.length < rules.growthMinSnapshots() || c[c.length - 1] - c[0] < rules.growthMinIncrease()) {
            return false;
        }
        for (int t = 1; t < c.length; t++) {
            if (c[t] < c[t - 1]) {
                return false;
            }
        }
        return true;
    }

    private static double slope(double[] x, long[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    /** The snapshots in time order. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    public List<SeriesRow> rows() {
        return rows;
    }

    /** The rows flagged as growing. */
    public List<SeriesRow> growing() {
        return rows.stream().filter(SeriesRow::growing).toList();
    }

    /** All goroutines at snapshot {@code t}. */
    public long total(int t) {
        return totals[t];
    }

    /** The diff from snapshot {@code from} to snapshot {@code to} (indices in time order). */
    public SnapshotDiff diff(int from, int to) {
        return SnapshotDiff.of(snapshots.get(from).counts(), snapshots.get(to).counts());
    }

    /** The differential call tree from snapshot {@code from} to snapshot {@code to}. */
    public DiffTree diffTree(int from, int to, DiffTree.Basis basis) {
        return DiffTree.of(snapshots.get(from).stacks(), snapshots.get(to).stacks(), basis);
    }
}
