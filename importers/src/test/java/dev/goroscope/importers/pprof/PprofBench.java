package dev.goroscope.importers.pprof;

import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.profile.Units;
import dev.goroscope.model.stack.FunctionTotals;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark, not a test: opens a pprof profile and prints the summary {@code go tool pprof -top} prints (totals,
 * top functions by flat with cum), then how long parsing and summarising took and the peak heap. Run by
 * {@code samples/bench-pprof.sh}, side by side with {@code go tool pprof -top} on the same file.
 */
public final class PprofBench {
    private PprofBench() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Dataset d = Importers.all().open(Path.of(args[0]));
        long parsed = System.nanoTime();
        Profile p = d.profiles().get(0);
        int type = p.defaultSampleType();
        FunctionTotals totals = FunctionTotals.of(p.weightedStacks(type));
        int[] order = totals.bySelf();
        long summarised = System.nanoTime();

        SampleType st = p.sampleTypes().get(type);
        System.out.printf(Locale.ROOT, "%s: %s, %,d samples, %,d distinct stacks, %,d frames%n", args[0], d.format(),
                p.sampleCount(), p.stacks().size(), p.stacks().frames().size());
        for (int t = 0; t < p.sampleTypes().size(); t++) {
            System.out.printf(Locale.ROOT, "  total %s = %s%n", p.sampleTypes().get(t),
                    Units.format(p.total(t), p.sampleTypes().get(t).unit()));
        }
        long total = p.total(type);
        System.out.printf(Locale.ROOT, "%12s %7s %12s %7s  %s%n", "flat", "flat%", "cum", "cum%", "function (" + st + ")");
        for (int k = 0; k < Math.min(10, order.length); k++) {
            int i = order[k];
            System.out.printf(Locale.ROOT, "%12s %7s %12s %7s  %s%n", Units.format(totals.self(i), st.unit()),
                    Units.percent(totals.self(i), total), Units.format(totals.total(i), st.unit()),
                    Units.percent(totals.total(i), total), totals.name(i));
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "goroscope: parse %,d ms, summary %,d ms, peak heap %,d MiB (max %,d MiB)%n",
                (parsed - start) / 1_000_000, (summarised - parsed) / 1_000_000, peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
