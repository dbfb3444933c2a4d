package dev.goroscope.importers.trace.v2;

import dev.goroscope.importers.trace.TraceFormatException;
import dev.goroscope.importers.trace.TraceInput;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Reads a v2 execution trace (Go 1.22+) after its 16-byte header: generation by generation, merging the threads'
 * batches into one order as Go's reader does (a min-heap of threads by next event time; when the earliest event
 * cannot happen yet, the others are tried in time order), with CPU samples merged in by time.
 *
 * <p>A trace that breaks off or becomes inconsistent keeps everything before the break: {@link Result#problem()}
 * says what and where, {@link Result#lostFraction()} how much of the file was not turned into events.
 */
public final class V2Reader {
    private final int minor;
    private final int maxStrings;
    private final TimelineBuilder builder = new TimelineBuilder();
    private final BlockingQueue<long[]> full = Emitter.queue();
    private final BlockingQueue<long[]> free = Emitter.queue();
    private final TimelineWriter writer = new TimelineWriter(builder, full, free);
    private final Emitter out = new Emitter(builder.strings(), full, free, () -> writer.failure() != null);
    private final Ordering ordering = new Ordering(out);
    private BatchCursor[] frontier = new BatchCursor[8];
    private int size;

    /**
     * @param minor      the header's Go minor version (22 for {@code go 1.22 trace})
     * @param maxStrings the most strings one generation may define (the import's limit)
     */
    public V2Reader(int minor, int maxStrings) {
        this.minor = minor;
        this.maxStrings = maxStrings;
    }

    /**
     * What was read.
     *
     * @param timeline     the timeline of every event that could be ordered
     * @param events       events other than the synthetic Syncs
     * @param problem      why reading stopped early (the first error, as Go's reader reports it), or null
     * @param tail         when the file also ends inside a batch after the generation that failed: that (it is
     *                     usually why the generation could not be ordered), else null
     * @param lostFraction share of the file's bytes (0..1) not turned into events because of {@code problem}
     */
    public record Result(Timeline timeline, long events, TraceFormatException problem, TraceFormatException tail,
            double lostFraction) {
    }

    /** Reads everything after the header from {@code in}; {@code cancelled} is polled between generations. */
    public Result read(TraceInput in, BooleanSupplier cancelled) throws IOException {
        Thread writerThread = new Thread(writer, "trace timeline writer");
        writerThread.setDaemon(true);
        writerThread.start();
        GenerationReader generations = new GenerationReader(in, minor, builder.stacks(), maxStrings);
        long goodBytes = in.offset();
        TraceFormatException problem = null;
        TraceFormatException tail = null;
        try {
            while (!cancelled.getAsBoolean()) {
                Generation g;
                try {
                    g = generations.next();
                } catch (TraceFormatException e) {
                    problem = e;
                    out.syncAtLast();
                    break;
                }
                if (g == null) {
                    out.syncAtLast();
                    break;
                }
                ordering.generation(g);
                out.sync(g.ns(g.minTs));
                try {
                    order(g);
                    goodBytes += g.bytes;
                } catch (TraceFormatException e) {
                    problem = e;
                    long left = 0;
                    for (int i = 0; i < size; i++) {
                        left += frontier[i].remainingBytes();
                    }
                    goodBytes += Math.max(0, g.bytes - left);
                    tail = generations.pendingProblem();
                    break;
                }
            }
        } finally {
            finish(writerThread);
        }
        long total = in.offset() + in.skip(Long.MAX_VALUE);
        double lost = problem == null || total == 0 ? 0 : Math.max(0, (double) (total - goodBytes) / total);
        long first = writer.firstTs();
        Timeline t = builder.build(first == Long.MIN_VALUE ? 0 : first, writer.lastTs());
        return new Result(t, writer.nonSyncEvents(), problem, tail, lost);
    }

    /** Ends the record stream, waits for the writer and rethrows what stopped it. */
    private void finish(Thread writerThread) throws IOException {
        if (writer.failure() == null) {
            out.end();
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a trace", e);
        }
        if (writer.failure() instanceof RuntimeException r) {
            throw r;
        } else if (writer.failure() instanceof Error err) {
            throw err;
        }
    }

    private void order(Generation g) throws TraceFormatException {
        size = 0;
        for (int i = 0; i < g.threads.length; i++) {
            long m = g.threads[i];
            int slot = m == Batch.NO_THREAD ? -1 : ordering.thread(m);
            BatchCursor c = new BatchCursor(m, slot, g.batches.get(i), minor);
            if (c.next(g)) {
                insert(c);
            }
        }
        int cpu = 0;
        int cpuCount = g.cpuTime.length;
        while (size > 0 || cpu < cpuCount) {
            if (cpu < cpuCount && (size == 0 || g.cpuTime[cpu] < frontier[0].time)) {
                out.cpuSample(g.cpuTime[cpu], g.cpuG[cpu], g.stack(g.cpuStack[cpu]));
                cpu++;
                continue;
            }
            if (tryAdvance(g, 0)) {
                continue;
            }
            Arrays.sort(frontier, 0, size, BY_TIME);
            boolean advanced = false;
            for (int i = 1; i < size && !advanced; i++) {
                advanced = tryAdvance(g, i);
            }
            if (!advanced) {
                throw new TraceFormatException(frontier[0].offset, "broken trace: no thread's next event can happen ("
                        + EventSpecs.name(frontier[0].type) + " on thread " + frontier[0].m + " is the earliest)");
            }
        }
    }

    private static final Comparator<BatchCursor> BY_TIME = (a, b) -> Long.compare(a.time, b.time);

    private boolean tryAdvance(Generation g, int i) throws TraceFormatException {
        BatchCursor c = frontier[i];
        if (!ordering.advance(c)) {
            return false;
        }
        if (c.next(g)) {
            update(i);
        } else {
            remove(i);
        }
        return true;
    }

    // A binary min-heap by event time, with the exact sift rules of Go's reader so that threads whose next events
    // have equal times are tried in the same order.

    private void insert(BatchCursor c) {
        if (size == frontier.length) {
            frontier = Arrays.copyOf(frontier, size * 2);
        }
        frontier[size++] = c;
        siftUp(size - 1);
    }

    private void update(int i) {
        if (siftUp(i) != i) {
            return;
        }
        siftDown(i);
    }

    private void remove(int i) {
        while (i > 0) {
            swap((i - 1) / 2, i);
            i = (i - 1) / 2;
        }
        swap(0, size - 1);
        frontier[--size] = null;
        siftDown(0);
    }

    private int siftUp(int i) {
        while (i > 0 && frontier[(i - 1) / 2].time > frontier[i].time) {
            swap((i - 1) / 2, i);
            i = (i - 1) / 2;
        }
        return i;
    }

    private void siftDown(int i) {
        while (true) {
            int m = i;
            long minT = i < size ? frontier[i].time : Long.MAX_VALUE;
            int l = 2 * i + 1;
            int r = 2 * i + 2;
            if (l < size && frontier[l].time < minT) {
                m = l;
                minT = frontier[l].time;
            }
            if (r < size && frontier[r].time < minT) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        BatchCursor t = frontier[a];
        frontier[a] = frontier[b];
        frontier[b] = t;
    }
}
