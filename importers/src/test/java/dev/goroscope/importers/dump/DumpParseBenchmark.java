package dev.goroscope.importers.dump;

import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how fast a goroutine dump parses: {@code java -Xmx1g -cp … DumpParseBenchmark FILE [THREADS] [RUNS]}.
 * Generate FILE with samples/progs/bigdump (e.g. {@code bigdump -n 1000000 -o /tmp/big.txt}). Each run reports
 * wall time, MB/s, process CPU time (the machine is shared, so wall time varies with other load) and the peak
 * heap of that run (sum of the heap pools' peaks).
 */
public final class DumpParseBenchmark {
    private DumpParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: DumpParseBenchmark FILE [THREADS] [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double mb = Files.size(file) / 1e6;
        DumpImporter importer = new DumpImporter(threads, DumpImporter.CHUNK_SIZE);
        for (int run = 1; run <= runs; run++) {
            System.gc();
            resetPeaks();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Dataset d = importer.read(Importers.fileSource(file), Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            System.out.printf("run %d: %,d goroutines, %,d distinct stacks, %.1f MB in %.2f s = %.0f MB/s "
                            + "(CPU %.2f s = %.0f MB per CPU-second), peak heap %.0f MB, %d threads, %d warnings%n",
                    run, d.dump().size(), d.dump().stackCounts().size(), mb, s, mb / s, cpu, mb / cpu,
                    peakHeap() / 1e6, threads, d.warnings().size());
        }
    }

    /** CPU time of the whole process (all threads, GC included), which the machine's other load does not inflate. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
