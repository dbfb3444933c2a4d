package dev.goroscope.importers.chrometrace;

/**
 * The spans of one thread, nested: sorted by start (an enclosing span before the spans it holds), each with its
 * parent's index (-1 at the top). Times are nanoseconds on the trace's clock. This is what a thread lane
 * of a timeline shows; its self times make the thread's flame graph.
 */
final class ThreadSpans {
    final int count;
    final long[] start;
    final long[] end;
    final int[] name;
    final int[] parent;

    ThreadSpans(int count, long[] start, long[] end, int[] name, int[] parent) {
        this.count = count;
        this.start = start;
        this.end = end;
        this.name = name;
        this.parent = parent;
    }

    /** Time in span {@code i} not spent in the spans it holds. */
    long[] selfTimes() {
        long[] self = new long[count];
        for (int i = 0; i < count; i++) {
            self[i] += end[i] - start[i];
            if (parent[i] >= 0) {
                self[parent[i]] -= end[i] - start[i];
            }
        }
        return self;
    }
}
