package dev.goroscope.importers.chrometrace;

import dev.goroscope.importers.support.CharSliceTable;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.util.Arrays;

/**
 * The timeline of a Chrome trace: one {@link SpanLane} per thread with spans, in the order threads are added, the
 * span names interned once into the timeline's strings. The timeline runs from the first start to the last end.
 */
final class ThreadLanes {
    private final CharSliceTable names;
    private final TimelineBuilder builder = new TimelineBuilder();
    private final int[] stringOfName;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    ThreadLanes(CharSliceTable names) {
        this.names = names;
        this.stringOfName = new int[names.size()];
        Arrays.fill(stringOfName, -1);
    }

    /** Adds the lane of one thread; a thread without spans gets none. */
    void add(String thread, ThreadSpans spans) {
        if (spans.count == 0) {
            return;
        }
        int[] ids = new int[spans.count];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = string(spans.name[i]);
        }
        SpanLane lane = SpanLane.of(thread, spans.count, spans.start, spans.end, ids, spans.parent);
        builder.addSpanLane(lane);
        first = Math.min(first, lane.firstStart());
        last = Math.max(last, lane.lastEnd());
    }

    /** The timeline of the lanes added, or null when no thread had spans. */
    Timeline timeline() {
        return first > last ? null : builder.build(first, last);
    }

    private int string(int nameId) {
        if (stringOfName[nameId] < 0) {
            stringOfName[nameId] = builder.strings().intern(names.string(nameId));
        }
        return stringOfName[nameId];
    }
}
