package dev.goroscope.app.timeline;

import dev.goroscope.model.timeline.SpanKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Time per state per goroutine group (start function) within a time range, largest total first, with a CSV form.
 * No JavaFX.
 */
public final class RangeStats {
    /** One group: its name, how many goroutines were alive in the range, and nanoseconds per {@link SpanKind}. */
    public record Row(String group, int goroutines, long[] nsByKind) {
        public long total() {
            long t = 0;
            for (long v : nsByKind) {
                t += v;
            }
            return t;
        }
    }

    /** No rows: what the pane shows before its first computation ends. */
    public static final RangeStats EMPTY = new RangeStats(List.of());

    private final List<Row> rows;

    private RangeStats(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The statistics of {@code [from, to)} over every goroutine alive in it. */
    public static RangeStats of(TimelineData data, long from, long to) {
        return of(data, from, to, () -> false);
    }

    /**
     * As {@link #of(TimelineData, long, long)}, for a worker thread: stops with a {@link CancellationException}
     * when {@code cancelled} turns true (checked per goroutine).
     */
    public static RangeStats of(TimelineData data, long from, long to, BooleanSupplier cancelled) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int n = data.timeline().goroutines().size();
        for (int g = 0; g < n; g++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("range statistics");
            }
            long[] t = data.timeByKind(g, from, to);
            long total = 0;
            for (long v : t) {
                total += v;
            }
            if (total == 0) {
                continue;
            }
            String name = data.groupName(g);
            long[] acc = sums.computeIfAbsent(name, k -> new long[SpanKind.COUNT]);
            for (int k = 0; k < t.length; k++) {
                acc[k] += t[k];
            }
            counts.merge(name, 1, Integer::sum);
        }
        List<Row> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new Row(k, counts.get(k), v)));
        out.sort((a, b) -> Long.compare(b.total(), a.total()));
        return new RangeStats(out);
    }

    /** A CSV table: group, goroutines, then one column of nanoseconds per state. */
    public String toCsv() {
        StringBuilder b = new StringBuilder("group,goroutines");
        for (int k = 0; k < SpanKind.COUNT; k++) {
            b.append(',').append(SpanKind.label(k).replace(": ", " ")).append(" ns");
        }
        b.append('\n');
        for (Row r : rows) {
            b.append(quote(r.group())).append(',').append(r.goroutines());
            for (long v : r.nsByKind()) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
