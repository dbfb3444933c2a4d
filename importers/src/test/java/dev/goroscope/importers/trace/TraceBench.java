package dev.goroscope.importers.trace;

import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.timeline.TraceSummary;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark (not a test): reads a trace with the trace importer and prints MB/s, events/s and the peak heap.
 * Run by {@code samples/bench-trace.sh} next to Go's reader on the same file.
 *
 * <pre>java -cp model/target/classes:importers/target/classes:importers/target/test-classes \
 *     dev.goroscope.importers.trace.TraceBench busy.trace</pre>
 */
public final class TraceBench {
    private TraceBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TraceBench trace.out");
            System.exit(2);
        }
        Path path = Path.of(args[0]);
        long bytes = Files.size(path);
        AtomicLong maxLive = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) n.getUserData());
                    long used = 0;
                    for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        used += u.getUsed();
                    }
                    maxLive.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        long t0 = System.nanoTime();
        Dataset d = new TraceImporter().read(Importers.fileSource(path), Progress.NONE);
        long ns = System.nanoTime() - t0;
        TraceSummary s = TraceSummary.of(d.timeline(), d.warnings());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double sec = ns / 1e9;
        System.out.printf(Locale.ROOT, "goroscope: %s: %.1f MB in %.2f s = %.1f MB/s, %d events = %.2f M events/s,"
                + " peak heap %.0f MB (%.2f x file; largest live set after a GC %.0f MB), timeline retained %.0f MB,"
                + " %d goroutines, warnings %s%n", path.getFileName(), bytes / 1e6, sec, bytes / 1e6 / sec,
                s.events(), s.events() / 1e6 / sec, peak / 1e6, (double) peak / bytes, maxLive.get() / 1e6,
                retained / 1e6, s.goroutines(), s.warnings());
        System.out.println(d.timeline().goroutines().size() > 0 ? "" : "(no goroutines)");
    }
}
