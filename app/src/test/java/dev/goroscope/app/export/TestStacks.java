package dev.goroscope.app.export;

import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;

/** Hand-made stacks for writer tests, written root-first as "a;b;c" with a weight each. */
public final class TestStacks {
    private TestStacks() {
    }

    public static WeightedStacks of(Object... stackThenWeight) {
        StackTable table = new StackTable();
        int n = stackThenWeight.length / 2;
        int[] s = new int[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            String[] names = ((String) stackThenWeight[2 * i]).split(";");
            int[] frames = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                frames[k] = table.frames().intern(names[k], "src/" + names[k].replace('/', '_') + ".go", 10 + k);
            }
            s[i] = table.internRootFirst(frames, frames.length);
            w[i] = ((Number) stackThenWeight[2 * i + 1]).longValue();
        }
        return new WeightedStacks(table, s, w, "goroutines");
    }

    /** A small server-like set of stacks: 100 goroutines. */
    public static WeightedStacks server() {
        return of(
                "runtime.goexit;net/http.(*conn).serve;main.handler;main.query;database/sql.(*DB).Query", 30,
                "runtime.goexit;net/http.(*conn).serve;main.handler;main.render;html/template.(*Template).Execute", 20,
                "runtime.goexit;net/http.(*conn).serve;main.handler;runtime.gopark", 5,
                "runtime.goexit;main.worker;runtime.chanrecv1;runtime.gopark", 40,
                "runtime.goexit;main.worker;main.worker;main.worker;runtime.gopark", 4,
                "runtime.goexit;main.tick", 1);
    }
}
