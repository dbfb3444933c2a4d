package dev.goroscope.importers.chrometrace;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * From the events read, one profile per thread with spans (its spans' self times by stack) and a timeline with one
 * lane of nested spans per thread. Threads are ordered as trace viewers order them: by process sort index, pid,
 * thread sort index, tid (numbers before names).
 */
final class ThreadProfiles {
    private static final List<SampleType> TIME = List.of(new SampleType("time", "nanoseconds"));
    private static final String[] PHASE_NAMES = new String[128];
    private static final String NESTING = "while nesting the spans";

    static {
        PHASE_NAMES['C'] = "counter";
        PHASE_NAMES['i'] = "instant";
        PHASE_NAMES['I'] = "instant";
        PHASE_NAMES['s'] = "flow start";
        PHASE_NAMES['t'] = "flow step";
        PHASE_NAMES['f'] = "flow end";
        PHASE_NAMES['b'] = "async begin";
        PHASE_NAMES['n'] = "async instant";
        PHASE_NAMES['e'] = "async end";
        PHASE_NAMES['S'] = "async begin";
        PHASE_NAMES['T'] = "async step";
        PHASE_NAMES['p'] = "async step";
        PHASE_NAMES['F'] = "async end";
        PHASE_NAMES['P'] = "sample";
        PHASE_NAMES['N'] = "object created";
        PHASE_NAMES['O'] = "object snapshot";
        PHASE_NAMES['D'] = "object destroyed";
        PHASE_NAMES['R'] = "mark";
        PHASE_NAMES['c'] = "clock sync";
        PHASE_NAMES['M'] = "other metadata";
        PHASE_NAMES['('] = "context begin";
        PHASE_NAMES[')'] = "context end";
        PHASE_NAMES['V'] = "memory dump";
        PHASE_NAMES['v'] = "memory dump";
    }

    private final String file;
    private final TraceEventReader events;
    private final ImportLimits limits;
    private final Checkpoint checkpoint;
    private final StackTable stacks = new StackTable(new FrameTable());
    private int[] frameOfName = new int[0];
    private long[] timeByStack = new long[256];
    private int[] touched = new int[256];
    private ThreadLanes lanes;

    ThreadProfiles(String file, TraceEventReader events, ImportLimits limits, Checkpoint checkpoint) {
        this.file = file;
        this.events = events;
        this.limits = limits;
        this.checkpoint = checkpoint;
    }

    Dataset dataset() throws ImportException {
        frameOfName = new int[events.names.size()];
        lanes = new ThreadLanes(events.names);
        Arrays.fill(frameOfName, -1);
        SpanNesting nesting = new SpanNesting();
        List<Profile> profiles = new ArrayList<>();
        for (ThreadEvents thread : ordered()) {
            checkpoint.step(NESTING);
            ThreadSpans spans = nesting.nest(thread);
            String name = label(thread);
            Profile profile = selfTimes(spans, name);
            if (profile.sampleCount() > 0) {
                profiles.add(profile);
            }
            lanes.add(name, spans);
        }
        String ignored = ignoredSummary();
        if (profiles.isEmpty()) {
            throw new ImportException(file, "", "no duration events (B/E or X) with a length in the trace"
                    + (ignored.isEmpty() ? "" : "; it has " + ignored)
                    + (events.hasSamples ? "; its CPU \"samples\" are not read" : ""));
        }
        return new Dataset(file, "Chrome trace JSON", null, warnings(nesting, ignored), null, profiles, null,
                lanes.timeline());
    }

    private Profile selfTimes(ThreadSpans spans, String name) throws ImportException {
        long[] self = spans.selfTimes();
        int[] stackOf = new int[spans.count];
        int touchedCount = 0;
        for (int i = 0; i < spans.count; i++) {
            checkpoint.step(NESTING);
            int parent = spans.parent[i] < 0 ? StackTable.EMPTY : stackOf[spans.parent[i]];
            stackOf[i] = stacks.push(parent, frame(spans.name[i]));
            if (stacks.depth(stackOf[i]) > limits.maxStackDepth()) {
                throw limits.stackTooDeep(file, "thread " + name);
            }
            if (self[i] > 0) {
                int s = stackOf[i];
                if (s >= timeByStack.length) {
                    timeByStack = Arrays.copyOf(timeByStack, Math.max(s + 1, timeByStack.length * 2));
                }
                if (timeByStack[s] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = s;
                }
                timeByStack[s] += self[i];
            }
        }
        int[] sampleStack = Arrays.copyOf(touched, touchedCount);
        long[] values = new long[touchedCount];
        for (int k = 0; k < touchedCount; k++) {
            values[k] = timeByStack[sampleStack[k]];
            timeByStack[sampleStack[k]] = 0;
        }
        return new Profile("chrome trace", TIME, 0, stacks, sampleStack, new long[][] {values}, name);
    }

    private int frame(int nameId) {
        if (frameOfName[nameId] < 0) {
            frameOfName[nameId] = stacks.frames().intern(events.names.string(nameId), "", 0);
        }
        return frameOfName[nameId];
    }

    private List<ThreadEvents> ordered() {
        Map<Integer, Long> processSort = events.processSortIndex;
        Map<Long, Long> threadSort = events.threadSortIndex;
        List<ThreadEvents> list = new ArrayList<>(events.threads.values());
        list.sort(Comparator.<ThreadEvents>comparingLong(t -> processSort.getOrDefault(t.pidId, 0L))
                .thenComparing(t -> t.pid, ThreadProfiles::compareIds)
                .thenComparingLong(t -> threadSort.getOrDefault(key(t), 0L))
                .thenComparing(t -> t.tid, ThreadProfiles::compareIds));
        return list;
    }

    private String label(ThreadEvents t) {
        String process = events.processNames.get(t.pidId);
        String thread = events.threadNames.get(key(t));
        return (process == null ? "pid " + t.pid : process + " (pid " + t.pid + ")") + ", "
                + (thread == null ? "tid " + t.tid : thread + " (tid " + t.tid + ")");
    }

    private static long key(ThreadEvents t) {
        return TraceEventReader.key(t.pidId, t.tidId);
    }

    private static int compareIds(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private String ignoredSummary() {
        StringBuilder sb = new StringBuilder();
        long[] counts = events.ignoredByPhase;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                String name = PHASE_NAMES[c] == null ? "unknown" : PHASE_NAMES[c];
                sb.append(sb.length() == 0 ? "" : ", ").append(counts[c]).append(' ').append(name)
                        .append(" (").append((char) c).append(')');
            }
        }
        return sb.length() == 0 ? "" : sb.append(" events").toString();
    }

    private List<String> warnings(SpanNesting nesting, String ignored) {
        List<String> w = new ArrayList<>();
        if (events.missingClosingBracket) {
            w.add("the event array has no closing ']' (the format allows it): the trace may have been cut off");
        }
        if (!ignored.isEmpty()) {
            w.add("not shown: " + ignored);
        }
        if (events.hasSamples) {
            w.add("not shown: the CPU \"samples\" of the trace (only its B/E/X spans are read)");
        }
        count(w, events.withoutPhase, "event(s) without \"ph\" were skipped");
        count(w, events.withoutTime, "B/E/X event(s) without \"ts\" were skipped");
        count(w, events.withoutDuration, "X event(s) without \"dur\" or \"tdur\" were skipped");
        count(w, nesting.unmatchedEnds, "end (E) event(s) closed nothing open and were ignored");
        count(w, nesting.unclosedBegins, "span(s) never ended; they end at their thread's last event");
        count(w, nesting.overlaps, "span(s) ended after the span holding them, which was stretched to fit");
        return w;
    }

    private static void count(List<String> warnings, long n, String what) {
        if (n > 0) {
            warnings.add(n + " " + what);
        }
    }
}
