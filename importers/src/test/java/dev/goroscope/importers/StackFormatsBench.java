package dev.goroscope.importers;

import dev.goroscope.importers.chrometrace.ChromeTraceImporter;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.importers.schedtrace.SchedTraceImporter;
import dev.goroscope.importers.speedscope.SpeedscopeImporter;
import dev.goroscope.model.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Prints import speed and peak heap of the four interchange importers on large generated files (written to a
 * temporary directory first, then read from disk as a user's file would be). A command, not a test:
 * see the README's benchmark section for how to run it. Argument: size factor (default 1: about 100 MB per file).
 */
public final class StackFormatsBench {
    private StackFormatsBench() {
    }

    public static void main(String[] args) throws Exception {
        int factor = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path dir = Files.createTempDirectory("goroscope-bench");
        try {
            run("folded stacks", new FoldedImporter(), folded(dir.resolve("stacks.folded"), 400_000 * factor));
            run("speedscope JSON", new SpeedscopeImporter(), speedscope(dir.resolve("p.speedscope.json"), 500_000 * factor));
            run("Chrome trace JSON", new ChromeTraceImporter(), chrome(dir.resolve("trace.json"), 1_000_000 * factor));
            run("schedtrace (scheddetail)", new SchedTraceImporter(), schedtrace(dir.resolve("sched.log"), 20_000 * factor));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(String what, Importer importer, Path file) throws ImportException, IOException {
        double mb = Files.size(file) / 1e6;
        importer.read(Importers.fileSource(file), Progress.NONE);
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Dataset d = importer.read(Importers.fileSource(file), Progress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-26s %7.1f MB in %6.2f s = %6.1f MB/s, peak heap %5d MB (%s)%n", what, mb, s, mb / s,
                peakHeapMb(), summary(d));
    }

    private static String summary(Dataset d) {
        if (d.schedTrace() != null) {
            return d.schedTrace().ticks() + " ticks";
        }
        long samples = d.profiles().stream().mapToLong(p -> p.sampleCount()).sum();
        return d.profiles().size() + " profile(s), " + samples + " samples, "
                + d.profiles().get(0).stacks().size() + " stacks";
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static String[] names(int n, String prefix) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = prefix + "/pkg" + (i % 97) + ".(*Type" + (i % 13) + ").method" + i;
        }
        return names;
    }

    private static Path folded(Path file, int lines) throws IOException {
        Random r = new Random(1);
        String[] frames = names(5000, "github.com/example/service");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                int depth = 8 + r.nextInt(24);
                int seed = r.nextInt(2000);
                for (int d = 0; d < depth; d++) {
                    w.write(frames[(seed * 31 + d * 7 + (d > depth - 3 ? r.nextInt(50) : 0)) % frames.length]);
                    w.write(d + 1 < depth ? ';' : ' ');
                }
                w.write(Integer.toString(1 + r.nextInt(100)));
                w.write('\n');
            }
        }
        return file;
    }

    private static Path speedscope(Path file, int samples) throws IOException {
        Random r = new Random(2);
        String[] frames = names(5000, "github.com/example/service");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"shared\":{\"frames\":[");
            for (int i = 0; i < frames.length; i++) {
                w.write((i > 0 ? "," : "") + "{\"name\":\"" + frames[i] + "\",\"file\":\"/src/f" + (i % 50) + ".go\",\"line\":" + i + "}");
            }
            w.write("]},\"profiles\":[{\"type\":\"sampled\",\"name\":\"cpu\",\"unit\":\"nanoseconds\",\"startValue\":0,"
                    + "\"endValue\":1,\"samples\":[");
            for (int i = 0; i < samples; i++) {
                int depth = 8 + r.nextInt(24);
                int seed = r.nextInt(2000);
                w.write(i > 0 ? ",[" : "[");
                for (int d = 0; d < depth; d++) {
                    w.write((d > 0 ? "," : "") + (seed * 31 + d * 7) % frames.length);
                }
                w.write(']');
            }
            w.write("],\"weights\":[");
            for (int i = 0; i < samples; i++) {
                w.write((i > 0 ? "," : "") + (10_000 + r.nextInt(1000)));
            }
            w.write("]}]}");
        }
        return file;
    }

    private static Path chrome(Path file, int events) throws IOException {
        Random r = new Random(3);
        String[] frames = names(2000, "span");
        long[] clock = new long[8];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
            for (int i = 0; i < events; ) {
                int tid = r.nextInt(clock.length);
                int children = 1 + r.nextInt(6);
                long start = clock[tid];
                long t = start + 1000;
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < children; c++, i++) {
                    long dur = 500 + r.nextInt(5000);
                    sb.append(",{\"name\":\"").append(frames[r.nextInt(frames.length)]).append("\",\"ph\":\"X\",\"ts\":")
                            .append(t / 1000).append('.').append(t % 1000).append(",\"dur\":").append(dur / 1000)
                            .append('.').append(dur % 1000).append(",\"pid\":1,\"tid\":").append(tid).append("}\n");
                    t += dur + 100;
                }
                w.write((i == children ? "" : ",") + "{\"name\":\"" + frames[tid] + "\",\"ph\":\"X\",\"ts\":"
                        + start / 1000 + "." + start % 1000 + ",\"dur\":" + (t - start) / 1000 + "." + (t - start) % 1000
                        + ",\"pid\":1,\"tid\":" + tid + "}\n");
                w.write(sb.toString());
                w.write(",{\"name\":\"Goroutines\",\"ph\":\"C\",\"ts\":" + start / 1000 + ",\"pid\":1,\"tid\":0,"
                        + "\"args\":{\"Running\":3,\"Runnable\":1}}\n");
                clock[tid] = t + 2000;
            }
            w.write("]}");
        }
        return file;
    }

    private static Path schedtrace(Path file, int ticks) throws IOException {
        Random r = new Random(4);
        String[] reasons = {"chan receive", "select", "IO wait", "sync.Mutex.Lock", "sleep", "chan send (nil chan)"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int t = 0; t < ticks; t++) {
                w.write("SCHED " + t * 100 + "ms: gomaxprocs=8 idleprocs=" + r.nextInt(8) + " threads=14 "
                        + "spinningthreads=1 needspinning=0 idlethreads=4 runqueue=" + r.nextInt(5) + " gcwaiting=false "
                        + "nmidlelocked=0 stopwait=0 sysmonwait=false\n");
                for (int p = 0; p < 8; p++) {
                    w.write("  P" + p + ": status=1 schedtick=" + t + " syscalltick=3 m=" + p + " runqsize="
                            + r.nextInt(4) + " gfreecnt=0 timerslen=2\n");
                }
                for (int g = 1; g <= 100; g++) {
                    w.write("  G" + g + ": status=4(" + reasons[g % reasons.length] + ") m=nil lockedm=nil\n");
                }
                w.write("request served in 3ms\n");
            }
        }
        return file;
    }
}
