package dev.goroscope.app.timeline;

import dev.goroscope.model.timeline.CounterSeries;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the timeline from top to bottom: GC and stop-the-world rows, counter plots, a collapsible section of
 * P lanes, one of M (thread) lanes, then goroutines grouped by start function, by creator or not at all (largest
 * group first), each group collapsible. A Chrome trace has instead one collapsible section of span lanes, one per
 * thread. Rows are virtual: only their kind, index and cumulative y are stored, and {@link #rowAt(double)}
 * finds a row by binary search, so 100,000 goroutines cost a few arrays. No JavaFX.
 */
public final class LaneRows {
    /** Row kinds. */
    public enum Kind { GC, STW, COUNTER, HEADER, PROC, THREAD, GOROUTINE, SPANS }

    static final double LANE_HEIGHT = 18;
    static final double THIN_HEIGHT = 16;
    static final double COUNTER_HEIGHT = 34;
    static final double HEADER_HEIGHT = 20;
    /** Height of one depth of a span lane. */
    static final double SPAN_DEPTH_HEIGHT = 16;

    /**
     * A group header: its key, label, member count and, for a goroutine group, the goroutine indices (null for
     * the P and M sections).
     */
    public record Header(String key, String label, int count, int[] members) {
    }

    private final TimelineData data;
    private final List<String> counterNames = new ArrayList<>();
    private final Set<String> collapsed = new HashSet<>();
    private final Set<String> opened = new HashSet<>();
    private final List<Header> headers = new ArrayList<>();
    private Kind[] kind = new Kind[0];
    private int[] index = new int[0];
    private double[] top = new double[1];
    private int size;
    private LaneFilter filter = LaneFilter.NONE;
    private LaneGrouping grouping = LaneGrouping.START_FUNCTION;
    private int shownGoroutines;
    private Runnable onRegroup = () -> { };

    public LaneRows(TimelineData data) {
        this.data = data;
        Timeline t = data.timeline();
        for (String name : List.of("goroutines", "heap", "threads")) {
            CounterSeries c = t.counters().get(name);
            if (c != null && c.size() > 0) {
                counterNames.add(name);
            }
        }
        if (t.goroutines().size() > 400) {
            collapsed.add("threads");
        }
        rebuild();
    }

    public LaneFilter filter() {
        return filter;
    }

    public void setFilter(LaneFilter f) {
        filter = f;
        rebuild();
        onRegroup.run();
    }

    public LaneGrouping grouping() {
        return grouping;
    }

    public void setGrouping(LaneGrouping g) {
        grouping = g;
        rebuild();
        onRegroup.run();
    }

    /**
     * Called after the filter or the grouping changed, that is when the goroutines of a group may have changed
     * (folding, unfolding and revealing a lane do not change them).
     */
    public void setOnRegroup(Runnable r) {
        onRegroup = r;
    }

    /** Opens or closes the group with header row {@code row}. */
    public void toggle(int row) {
        String key = headers.get(index[row]).key();
        if (!collapsed.remove(key)) {
            collapsed.add(key);
        }
        rebuild();
    }

    public boolean isCollapsed(int row) {
        return collapsed.contains(headers.get(index[row]).key());
    }

    public int size() {
        return size;
    }

    public Kind kind(int row) {
        return kind[row];
    }

    /** The P, M or goroutine index, counter number or header number of {@code row}. */
    public int index(int row) {
        return index[row];
    }

    public double top(int row) {
        return top[row];
    }

    public double height(int row) {
        return top[row + 1] - top[row];
    }

    public double totalHeight() {
        return top[size];
    }

    public Header header(int row) {
        return headers.get(index[row]);
    }

    public String counterName(int row) {
        return counterNames.get(index[row]);
    }

    /** How many goroutine lanes pass the filter (shown or in collapsed groups). */
    public int shownGoroutines() {
        return shownGoroutines;
    }

    /** The row of goroutine {@code g}, opening its group if needed; -1 if the filter hides it. */
    public int rowOfGoroutine(int g) {
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < size; r++) {
                if (kind[r] == Kind.GOROUTINE && index[r] == g) {
                    return r;
                }
            }
            if (!collapsed.remove(groupKey(g))) {
                return -1;
            }
            rebuild();
        }
        return -1;
    }

    /** The key under which goroutine {@code g} is grouped now (also the key of its folded state). */
    private String groupKey(int g) {
        return grouping.name() + ":" + grouping.key(data, g);
    }

    /** The row at {@code y} (content coordinates), or -1. */
    public int rowAt(double y) {
        if (y < 0 || y >= top[size]) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (top[mid] <= y) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The label shown left of {@code row}. */
    public String label(int row) {
        Timeline t = data.timeline();
        return switch (kind[row]) {
            case GC -> "GC";
            case STW -> "STW";
            case COUNTER -> counterNames.get(index[row]);
            case HEADER -> headers.get(index[row]).label();
            case PROC -> "P" + t.procId(index[row]);
            case THREAD -> "M" + t.threadId(index[row]);
            case GOROUTINE -> "G" + t.goroutines().id(index[row]) + " " + shortName(data.groupName(index[row]));
            case SPANS -> t.spanLanes().get(index[row]).name();
        };
    }

    /** {@code pkg/path.(*T).method} as {@code path.(*T).method}. */
    static String shortName(String fn) {
        int slash = fn.lastIndexOf('/', fn.indexOf('(') < 0 ? fn.length() - 1 : fn.indexOf('('));
        return slash < 0 ? fn : fn.substring(slash + 1);
    }

    private void rebuild() {
        Timeline t = data.timeline();
        headers.clear();
        List<Kind> k = new ArrayList<>();
        List<Integer> ix = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        if (t.spanLanes().isEmpty()) {
            add(k, ix, h, Kind.GC, 0, THIN_HEIGHT);
            add(k, ix, h, Kind.STW, 0, THIN_HEIGHT);
        }
        spanSection(k, ix, h);
        for (int c = 0; c < counterNames.size(); c++) {
            add(k, ix, h, Kind.COUNTER, c, COUNTER_HEIGHT);
        }
        section(k, ix, h, "procs", "Processors (" + t.procCount() + ")", t.procCount(), Kind.PROC, null);
        section(k, ix, h, "threads", "Threads (" + t.threadCount() + ")", t.threadCount(), Kind.THREAD, null);
        Map<String, List<Integer>> groups = groupGoroutines();
        List<Map.Entry<String, List<Integer>>> order = new ArrayList<>(groups.entrySet());
        order.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        boolean collapseBig = t.goroutines().size() > 2_000 && filter.isNone();
        for (Map.Entry<String, List<Integer>> e : order) {
            List<Integer> members = e.getValue();
            if (collapseBig && members.size() > 200 && !opened.contains(e.getKey())) {
                opened.add(e.getKey());
                collapsed.add(e.getKey());
            }
            String label = grouping.headerLabel(e.getKey().substring(grouping.name().length() + 1), members.size());
            section(k, ix, h, e.getKey(), label, members.size(), Kind.GOROUTINE, members);
        }
        size = k.size();
        kind = k.toArray(new Kind[0]);
        index = new int[size];
        top = new double[size + 1];
        for (int r = 0; r < size; r++) {
            index[r] = ix.get(r);
            top[r + 1] = top[r] + h.get(r);
        }
    }

    private void section(List<Kind> k, List<Integer> ix, List<Double> h, String key, String label, int count,
            Kind laneKind, List<Integer> members) {
        if (count == 0) {
            return;
        }
        headers.add(new Header(key, label, count,
                members == null ? null : members.stream().mapToInt(Integer::intValue).toArray()));
        add(k, ix, h, Kind.HEADER, headers.size() - 1, HEADER_HEIGHT);
        if (collapsed.contains(key)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            add(k, ix, h, laneKind, members == null ? i : members.get(i), LANE_HEIGHT);
        }
    }

    /** The threads of a Chrome trace: one row per lane, as tall as its depths. */
    private void spanSection(List<Kind> k, List<Integer> ix, List<Double> h) {
        List<SpanLane> lanes = data.timeline().spanLanes();
        if (lanes.isEmpty()) {
            return;
        }
        headers.add(new Header("spans", "Threads (" + lanes.size() + ")", lanes.size(), null));
        add(k, ix, h, Kind.HEADER, headers.size() - 1, HEADER_HEIGHT);
        if (collapsed.contains("spans")) {
            return;
        }
        for (int i = 0; i < lanes.size(); i++) {
            add(k, ix, h, Kind.SPANS, i, Math.max(1, lanes.get(i).depths()) * SPAN_DEPTH_HEIGHT + 4);
        }
    }

    private Map<String, List<Integer>> groupGoroutines() {
        Goroutines gs = data.timeline().goroutines();
        long id = filter.goroutineId();
        String needle = filter.needle();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        shownGoroutines = 0;
        for (int g = 0; g < gs.size(); g++) {
            if (gs.lane(g).size() == 0) {
                continue;
            }
            String name = data.groupName(g);
            if (!needle.isEmpty() && gs.id(g) != id && !name.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            if (filter.unfinished() && gs.endedNs(g) != Goroutines.UNKNOWN) {
                continue;
            }
            if (filter.kind() >= 0 && data.timeByKind(g)[filter.kind()] == 0) {
                continue;
            }
            if (filter.minBlockedNs() > 0 && data.blockedNs(g) < filter.minBlockedNs()) {
                continue;
            }
            groups.computeIfAbsent(groupKey(g), n -> new ArrayList<>()).add(g);
            shownGoroutines++;
        }
        return groups;
    }

    private static void add(List<Kind> k, List<Integer> ix, List<Double> h, Kind kind, int index, double height) {
        k.add(kind);
        ix.add(index);
        h.add(height);
    }
}
