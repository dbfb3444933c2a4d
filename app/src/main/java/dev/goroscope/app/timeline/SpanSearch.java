package dev.goroscope.app.timeline;

import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.timeline.Goroutines;
import dev.goroscope.model.timeline.StateLane;
import dev.goroscope.model.timeline.Timeline;
import java.util.BitSet;
import java.util.Locale;

/**
 * What a search for a function highlights: a goroutine lane matches when its start function, the place it was
 * created or any stack recorded in its lane names a function containing the text, any case; an interval
 * matches when its own stack does. Built in one pass over the goroutine lanes; no JavaFX.
 */
public final class SpanSearch {
    private final String text;
    private final boolean[] laneMatches;
    private final BitSet[] spanMatches;
    private final int lanes;
    private final long spans;

    private SpanSearch(String text, boolean[] laneMatches, BitSet[] spanMatches, int lanes, long spans) {
        this.text = text;
        this.laneMatches = laneMatches;
        this.spanMatches = spanMatches;
        this.lanes = lanes;
        this.spans = spans;
    }

    /** The matches of {@code text} (blank: no search, nothing dimmed). */
    public static SpanSearch of(TimelineData data, String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Timeline t = data.timeline();
        Goroutines gs = t.goroutines();
        boolean[] laneMatch = new boolean[gs.size()];
        BitSet[] spanMatch = new BitSet[gs.size()];
        if (needle.isEmpty()) {
            return new SpanSearch("", laneMatch, spanMatch, 0, 0);
        }
        StackMatcher stacks = new StackMatcher(t.stacks(), needle);
        int lanes = 0;
        long spans = 0;
        for (int g = 0; g < gs.size(); g++) {
            StateLane lane = gs.lane(g);
            BitSet hits = null;
            StateLane.Cursor c = lane.cursor(0);
            while (c.next()) {
                if (c.stack() != StackTable.EMPTY && stacks.matches(c.stack())) {
                    if (hits == null) {
                        hits = new BitSet(lane.size());
                    }
                    hits.set(c.index());
                }
            }
            spanMatch[g] = hits;
            laneMatch[g] = hits != null || data.groupName(g).toLowerCase(Locale.ROOT).contains(needle)
                    || stacks.matches(gs.startStack(g)) || stacks.matches(gs.creatorStack(g));
            if (laneMatch[g] && lane.size() > 0) {
                lanes++;
                spans += hits == null ? 0 : hits.cardinality();
            }
        }
        return new SpanSearch(needle, laneMatch, spanMatch, lanes, spans);
    }

    /** Whether a search is active (otherwise nothing is dimmed). */
    public boolean active() {
        return !text.isEmpty();
    }

    public boolean laneMatches(int g) {
        return !active() || laneMatches[g];
    }

    /** Whether interval {@code i} of goroutine {@code g} has a stack naming the text. */
    public boolean spanMatches(int g, int i) {
        BitSet b = spanMatches[g];
        return b != null && b.get(i);
    }

    /** Whether any interval of {@code first..last} of goroutine {@code g} matches. */
    public boolean anySpanMatches(int g, int first, int last) {
        BitSet b = spanMatches[g];
        if (b == null) {
            return false;
        }
        int next = b.nextSetBit(first);
        return next >= 0 && next <= last;
    }

    /** Goroutine lanes that match. */
    public int matchingLanes() {
        return lanes;
    }

    /** Intervals whose own stack matches. */
    public long matchingSpans() {
        return spans;
    }

    /** Whether a stack has a frame whose function contains the text, remembered per stack. */
    private static final class StackMatcher {
        private final StackTable stacks;
        private final byte[] known;
        private final byte[] frameKnown;
        private final String needle;

        StackMatcher(StackTable stacks, String needle) {
            this.stacks = stacks;
            this.known = new byte[stacks.size()];
            this.frameKnown = new byte[stacks.frames().size()];
            this.needle = needle;
        }

        boolean matches(int stack) {
            int s = stack;
            boolean found = false;
            while (s != StackTable.EMPTY) {
                if (known[s] != 0) {
                    found = known[s] == 1;
                    break;
                }
                if (frameMatches(stacks.frame(s))) {
                    found = true;
                    break;
                }
                s = stacks.parent(s);
            }
            byte v = (byte) (found ? 1 : 2);
            for (int k = stack; k != s; k = stacks.parent(k)) {
                known[k] = v;
            }
            return found;
        }

        private boolean frameMatches(int frame) {
            if (frameKnown[frame] == 0) {
                FrameTable f = stacks.frames();
                boolean m = f.functionName(frame).toLowerCase(Locale.ROOT).contains(needle);
                frameKnown[frame] = (byte) (m ? 1 : 2);
            }
            return frameKnown[frame] == 1;
        }
    }
}
