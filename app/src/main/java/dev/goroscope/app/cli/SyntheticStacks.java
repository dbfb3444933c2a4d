package dev.goroscope.app.cli;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Go-like stacks made up for benchmarks: a server whose goroutines start in runtime.goexit, run through a few
 * hundred packages and fan out more the deeper they go, so prefixes are shared as in real dumps. Deterministic
 * for a seed.
 */
final class SyntheticStacks {
    private static final int PACKAGES = 300;
    private static final int FUNCTIONS_PER_PACKAGE = 12;

    private SyntheticStacks() {
    }

    /** {@code distinct} different stacks, 8 to 40 frames deep, weighted 1 to 100 goroutines each. */
    static WeightedStacks generate(int distinct, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StackTable table = new StackTable();
        int[] pool = new int[PACKAGES * FUNCTIONS_PER_PACKAGE];
        for (int p = 0; p < PACKAGES; p++) {
            String pkg = p < 20 ? "internal/std" + p : "github.com/acme/service" + (p % 7) + "/pkg" + p;
            for (int f = 0; f < FUNCTIONS_PER_PACKAGE; f++) {
                String name = pkg + (f % 3 == 0 ? ".(*Server" + f + ").Handle" : ".process" + f);
                pool[p * FUNCTIONS_PER_PACKAGE + f] = table.frames().intern(name, pkg + "/file" + f + ".go", 10 + f * 7);
            }
        }
        int goexit = table.frames().intern("runtime.goexit", "runtime/asm_amd64.s", 1594);
        int gopark = table.frames().intern("runtime.gopark", "runtime/proc.go", 398);
        int[] stack = new int[distinct];
        long[] weight = new long[distinct];
        BitSet seen = new BitSet();
        int[] frames = new int[48];
        int n = 0;
        while (n < distinct) {
            int depth = 8 + rnd.nextInt(33);
            frames[0] = goexit;
            for (int level = 1; level < depth - 1; level++) {
                int fanout = Math.min(2 + level, 12);
                frames[level] = pool[(level * 131 + rnd.nextInt(fanout) * 17) % pool.length];
            }
            frames[depth - 1] = rnd.nextInt(4) == 0 ? pool[rnd.nextInt(pool.length)] : gopark;
            int s = table.internRootFirst(frames, depth);
            if (!seen.get(s)) {
                seen.set(s);
                stack[n] = s;
                weight[n++] = 1 + rnd.nextInt(100);
            }
        }
        return new WeightedStacks(table, stack, weight, "goroutines");
    }
}
