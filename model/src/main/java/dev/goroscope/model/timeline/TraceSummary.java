package dev.goroscope.model.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headline figures of a trace, as the CLI's {@code summary} prints them. The time rules are those of the
 * reference tool {@code samples/progs/tracestats}, so the figures can be compared with Go's own reader:
 * <ul>
 *   <li>{@code events}: events as Go's reader ({@code golang.org/x/exp/trace}) returns them, including one
 *       synthetic Sync per generation plus one at the end, and the events it synthesises (v1: as
 *       {@code go tool trace -d} lists them).</li>
 *   <li>{@code durationNs}: last event time minus first event time.</li>
 *   <li>{@code goroutines}: goroutines that went through at least one state change in the trace.</li>
 *   <li>{@code stateTimeNs}: for each of idle/runnable/running/syscall/waiting, the nanoseconds all goroutines
 *       spent in it. A goroutine's time counts from its first state change (its creation, or the status the trace
 *       found it in) until it ended or, if still alive, until the last event of the trace.</li>
 *   <li>{@code waitReasonTimeNs}: waiting time split by the reason given when the goroutine blocked;
 *       {@code "(none)"} when the trace gave none.</li>
 *   <li>{@code procs}: Ps (GOMAXPROCS slots) that appear in the trace.</li>
 *   <li>{@code gcCount}: GC cycles that began in the trace (one already running at the start is not counted).</li>
 *   <li>{@code warnings}: what the reader could not read, e.g. "trace ends early, 2% of events lost".</li>
 * </ul>
 */
public record TraceSummary(long events, long durationNs, int goroutines, Map<String, Long> stateTimeNs,
        Map<String, Long> waitReasonTimeNs, int procs, int gcCount, List<String> warnings) {
    /** The key used for waiting time with no reason. */
    public static final String NO_REASON = "(none)";

    public TraceSummary {
        stateTimeNs = Map.copyOf(stateTimeNs);
        waitReasonTimeNs = Map.copyOf(waitReasonTimeNs);
        warnings = List.copyOf(warnings);
    }

    /** Computes the summary of {@code timeline}; {@code warnings} are the reader's (from the Dataset). */
    public static TraceSummary of(Timeline timeline, List<String> warnings) {
        long[] byState = new long[GoroutineState.values().length];
        Map<Integer, Long> byReason = new TreeMap<>();
        Goroutines gs = timeline.goroutines();
        for (int g = 0; g < gs.size(); g++) {
            StateLane.Cursor c = gs.lane(g).cursor(0);
            while (c.next()) {
                long d = c.end() - c.start();
                byState[c.stateOrdinal()] += d;
                if (c.stateOrdinal() == GoroutineState.WAITING.ordinal()) {
                    byReason.merge(c.detail(), d, Long::sum);
                }
            }
        }
        Map<String, Long> states = new LinkedHashMap<>();
        for (GoroutineState s : GoroutineState.values()) {
            states.put(s.label(), byState[s.ordinal()]);
        }
        Map<String, Long> reasons = new TreeMap<>();
        byReason.forEach((id, ns) -> reasons.merge(reasonName(timeline, id), ns, Long::sum));
        return new TraceSummary(timeline.eventCount(), timeline.durationNs(), gs.size(), states, reasons,
                timeline.procCount(), timeline.gcCount(), warnings);
    }

    private static String reasonName(Timeline timeline, int id) {
        String s = id < 0 ? "" : timeline.strings().get(id);
        return s.isEmpty() ? NO_REASON : s;
    }

    /** State times in display order (idle, runnable, running, syscall, waiting). */
    public Map<String, Long> stateTimeNsOrdered() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (GoroutineState s : GoroutineState.values()) {
            out.put(s.label(), stateTimeNs.getOrDefault(s.label(), 0L));
        }
        return out;
    }
}
