package dev.goroscope.app.timeline;

import dev.goroscope.model.timeline.StateLane;

/**
 * One interval of one lane: a P, M or goroutine lane by its index, and the interval's index in the lane.
 *
 * @param lane  {@link LaneRows.Kind#PROC}, {@link LaneRows.Kind#THREAD} or {@link LaneRows.Kind#GOROUTINE}
 * @param index the P, M or goroutine index
 * @param span  the interval in the lane
 */
public record SpanRef(LaneRows.Kind lane, int index, int span) {
    public StateLane stateLane(TimelineData data) {
        return switch (lane) {
            case PROC -> data.timeline().procLane(index);
            case THREAD -> data.timeline().threadLane(index);
            default -> data.timeline().goroutines().lane(index);
        };
    }

    public long start(TimelineData data) {
        return stateLane(data).start(span);
    }

    public long end(TimelineData data) {
        return stateLane(data).end(span);
    }
}
