package dev.goroscope.importers.leaks;

import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.dump.DumpImporter;
import dev.goroscope.model.analysis.CreationTree;
import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.DiffTree;
import dev.goroscope.model.analysis.GoroutineGroups;
import dev.goroscope.model.analysis.GroupingOptions;
import dev.goroscope.model.analysis.LeakDetector;
import dev.goroscope.model.analysis.LeakRules;
import dev.goroscope.model.analysis.SameObjects;
import dev.goroscope.model.analysis.SnapshotCounts;
import dev.goroscope.model.analysis.SnapshotDiff;
import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.StackTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Benchmark of the leak analyses (not a test): parses a real dump, replicates it with
 * {@link GoroutineDump.Builder} into two dumps of N goroutines each (ids, parent ids and heap pointers shifted per
 * copy so every copy is distinct; the second dump has 2× the {@code main.leak*} goroutines and none of the
 * {@code main.busy*} ones, so the diff has growth and loss), then prints the best of 5 timed runs (after 2 warm-up
 * runs) of each analysis, excluding parsing: wall time and the thread's CPU time (the analyses run on one thread;
 * on a shared machine the CPU time is the fairer figure). With {@code parsed} instead of a count, both dumps are
 * the file itself parsed twice (e.g. a 1M-goroutine dump from samples/progs/bigdump). Usage:
 * <pre>java -Xmx4g -cp model/target/classes:importers/target/classes:importers/target/test-classes \
 *   dev.goroscope.importers.leaks.LeakBench samples/captures/go1.26/dump-debug2.txt 1000000
 * java -Xmx8g -cp … dev.goroscope.importers.leaks.LeakBench /tmp/big1m.txt parsed</pre>
 */
public final class LeakBench {
    private LeakBench() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "samples/captures/go1.26/dump-debug2.txt");
        boolean parsed = args.length > 1 && args[1].equals("parsed");
        int n = args.length > 1 && !parsed ? Integer.parseInt(args[1]) : 1_000_000;
        long t0 = System.nanoTime();
        GoroutineDump seed = new DumpImporter().read(Importers.fileSource(input), Progress.NONE).dump();
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        GoroutineDump before;
        GoroutineDump after;
        if (parsed) {
            before = seed;
            after = new DumpImporter().read(Importers.fileSource(input), Progress.NONE).dump();
            System.out.printf(Locale.ROOT, "input %s parsed twice (first in %d ms): %d goroutines, %d stacks%n", input,
                    parseMs, seed.size(), seed.stacks().size());
        } else {
            t0 = System.nanoTime();
            before = replicate(seed, n, false);
            after = replicate(seed, n, true);
            System.out.printf(Locale.ROOT, "input %s: %d goroutines, %d stacks; replicated to %d and %d goroutines in %d "
                    + "ms%n", input, seed.size(), seed.stacks().size(), before.size(), after.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        time("group (same lines)", () -> GoroutineGroups.of(before).size() + " groups");
        time("group (same functions)", () -> GoroutineGroups.of(before, GroupingOptions.DEFAULT
                .withStackMatch(GroupingOptions.StackMatch.FUNCTIONS)).size() + " groups");
        time("group (ignore pointer args)", () -> GoroutineGroups.of(before, GroupingOptions.DEFAULT
                .withArgumentMatch(GroupingOptions.ArgumentMatch.IGNORE_POINTERS)).size() + " groups");
        time("group (top 2 frames)", () -> GoroutineGroups.of(before, GroupingOptions.DEFAULT.withTopFrames(2)).size()
                + " groups");
        GoroutineGroups groups = GoroutineGroups.of(before);
        time("same object", () -> SameObjects.of(before, groups.pointers()).size() + " shared objects");
        time("creation tree", () -> CreationTree.of(before).size() + " nodes");
        time("leak suspects", () -> new LeakDetector(LeakRules.DEFAULTS.withBlockedMinutes(30))
                .detect(groups, null, List.of()).size() + " suspects");
        time("diff of the two dumps", () -> {
            DiffKeys keys = new DiffKeys();
            SnapshotDiff d = SnapshotDiff.of(SnapshotCounts.of(before, keys), SnapshotCounts.of(after, keys));
            return d.changed().size() + " changed keys, delta " + (d.totalAfter() - d.totalBefore());
        });
        time("differential call tree", () -> DiffTree.of(before.stackCounts(), after.stackCounts(),
                DiffTree.Basis.MAX).tree().size() + " nodes");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use with both dumps: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void time(String what, Supplier<String> task) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String result = null;
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            result = task.get();
            if (i >= 2) {
                bestWall = Math.min(bestWall, System.nanoTime() - t);
                bestCpu = Math.min(bestCpu, cpu.getCurrentThreadCpuTime() - c);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %7.1f ms wall %7.1f ms CPU  (%s)%n", what, bestWall / 1e6, bestCpu / 1e6,
                result);
    }

    /** Copies {@code seed}'s goroutines until {@code n}; the "after" variant doubles leaks and drops busy ones. */
    private static GoroutineDump replicate(GoroutineDump seed, int n, boolean after) {
        StackTable stacks = seed.stacks();
        GoroutineDump.Builder b = new GoroutineDump.Builder(stacks);
        GoroutineArguments.Builder args = new GoroutineArguments.Builder();
        GoroutineArguments seedArgs = seed.arguments();
        int[] reason = new int[seed.waitReasons().size()];
        for (int r = 0; r < reason.length; r++) {
            reason[r] = b.waitReasons().intern(seed.waitReasons().get(r));
        }
        long maxId = 0;
        for (int g = 0; g < seed.size(); g++) {
            maxId = Math.max(maxId, seed.id(g));
        }
        long stride = maxId + 1;
        long[] words = new long[64];
        byte[] kinds = new byte[64];
        for (int copy = 0; b.size() < n; copy++) {
            for (int g = 0; g < seed.size() && b.size() < n; g++) {
                String entry = stacks.depth(seed.stack(g)) == 0 ? ""
                        : stacks.frames().functionName(stacks.framesRootFirst(seed.stack(g))[0]);
                int times = !after ? 1 : entry.startsWith("main.busy") ? 0 : entry.startsWith("main.leak") ? 2 : 1;
                for (int t = 0; t < times && b.size() < n; t++) {
                    long shift = (long) (2 * copy + t) * stride;
                    int wr = seed.waitReason(g);
                    b.add(seed.id(g) + shift, seed.state(g), wr < 0 ? -1 : reason[wr], (copy + g) % 120,
                            seed.stack(g), seed.createdBy(g), seed.parentId(g) < 0 ? -1 : seed.parentId(g) + shift,
                            seed.has(g, GoroutineDump.LOCKED_TO_THREAD) ? GoroutineDump.LOCKED_TO_THREAD : 0);
                    args.startGoroutine();
                    for (int f = 0; f < seedArgs.frameCount(g); f++) {
                        int from = seedArgs.wordStart(g, f);
                        int len = seedArgs.wordEnd(g, f) - from;
                        if (words.length < len) {
                            words = new long[len];
                            kinds = new byte[len];
                        }
                        for (int i = 0; i < len; i++) {
                            long w = seedArgs.word(from + i);
                            kinds[i] = seedArgs.kind(from + i);
                            words[i] = w > (1L << 32) ? w + ((2L * copy + t) << 12) : w;
                        }
                        args.addFrame(words, kinds, len);
                    }
                }
            }
        }
        return b.arguments(args.build()).build();
    }
}
