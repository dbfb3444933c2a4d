package dev.goroscope.app.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * Redraw cost of the timeline at five zoom levels on a synthetic trace of {@code goroutines × spans} intervals
 * (default 10,000 × 1,000 = 10 million), drawn headless on Monocle into a 1600×1000 canvas. Prints, per zoom, the
 * median over nine frames of: the CPU time of the FX thread to record the frame (every drawing decision and canvas
 * command), the CPU time of Prism's render thread to rasterise those commands into the canvas, their sum (what a
 * redraw costs), the render thread's CPU time for a snapshot of the unchanged canvas (copying it out and reading the
 * pixels back; the benchmark needs it to force rasterisation, the app on screen does not read back, so it is reported
 * apart and not counted) and the wall clock of record plus first snapshot (meaningless on a loaded machine). CPU
 * times are per thread and robust to load. A first pass over the five zooms is not printed: it warms up the JIT
 * and builds the lanes' level-of-detail indexes, as any use of the app does in its first seconds. Run:
 * {@code java -Xmx4g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * dev.goroscope.app.timeline.TimelineBench [goroutines] [spansPerGoroutine]}.
 */
public final class TimelineBench {
    private TimelineBench() {
    }

    static Timeline synthetic(int goroutines, int spans, long seed) {
        TimelineBuilder b = new TimelineBuilder();
        int[] reasons = {b.strings().intern("chan receive"), b.strings().intern("select"),
            b.strings().intern("sync.Mutex.Lock"), b.strings().intern("network"), b.strings().intern("sleep")};
        Random r = new Random(seed);
        GoroutineState[] states = {GoroutineState.RUNNABLE, GoroutineState.RUNNING, GoroutineState.WAITING,
            GoroutineState.SYSCALL};
        long end = 0;
        for (int g = 0; g < goroutines; g++) {
            int gi = b.addGoroutine(g + 1);
            long t = r.nextInt(1_000);
            for (int i = 0; i < spans; i++) {
                GoroutineState s = states[i % states.length];
                b.goroutineState(gi, t, s, s == GoroutineState.WAITING ? reasons[r.nextInt(reasons.length)] : -1, -1);
                t += r.nextInt(20) == 0 ? 100_000 + r.nextInt(2_000_000) : 200 + r.nextInt(20_000);
            }
            end = Math.max(end, t);
        }
        int p0 = b.addProc(0);
        for (long t = 0; t < end; t += 50_000) {
            b.procState(p0, t, t / 50_000 % 2 == 0 ? GoroutineState.RUNNING : GoroutineState.IDLE, 0);
        }
        return b.build(0, end);
    }

    public static void main(String[] args) throws Exception {
        int goroutines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long t0 = System.nanoTime();
        Timeline tl = synthetic(goroutines, spans, 42);
        System.out.printf(Locale.ROOT, "built %,d goroutines x %,d intervals = %,d in %.1f s%n", goroutines, spans,
                (long) goroutines * spans, (System.nanoTime() - t0) / 1e9);
        Platform.startup(() -> { });
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                run(tl);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        Platform.exit();
    }

    private static void run(Timeline tl) {
        TimelineData data = new TimelineData(tl);
        LaneRows rows = new LaneRows(data);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.kind(r) == LaneRows.Kind.HEADER && rows.isCollapsed(r)) {
                rows.toggle(r);
            }
        }
        TimeViewport vp = new TimeViewport(tl.startNs(), tl.endNs());
        TimelineRenderer renderer = new TimelineRenderer(data, rows, vp);
        Canvas canvas = new Canvas(1600, 1000);
        FxPainter painter = new FxPainter(canvas.getGraphicsContext2D());
        vp.setWidth(1600 - TimelineRenderer.GUTTER);
        double[] zooms = {1, 1e-1, 1e-2, 1e-4, 1e-6};
        System.out.println("visible span   record CPU ms   raster CPU ms   record+raster CPU ms   snapshot readback CPU ms"
                + "   wall ms   pieces");
        for (int pass = 0; pass < 2; pass++) {
            for (double z : zooms) {
                measure(tl, rows, vp, renderer, canvas, painter, z, pass == 1);
            }
        }
    }

    /** Draws nine frames at zoom {@code z} (a fraction of the trace), printing the medians when {@code print}. */
    private static void measure(Timeline tl, LaneRows rows, TimeViewport vp, TimelineRenderer renderer, Canvas canvas,
            FxPainter painter, double z, boolean print) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderThread = renderThreadId();
        double middle = (tl.startNs() + tl.endNs()) / 2.0;
        double len = (tl.endNs() - tl.startNs()) * z;
        vp.fit();
        vp.showRange(middle - len / 2, middle + len / 2);
        vp.setScrollY(rows.totalHeight() / 2);
        int frames = 9;
        long[] rec = new long[frames];
        long[] raster = new long[frames];
        long[] sum = new long[frames];
        long[] readback = new long[frames];
        long[] wall = new long[frames];
        for (int f = 0; f < frames; f++) {
            vp.panBy(f % 2 == 0 ? 3 : -3);
            long a = System.nanoTime();
            long fxA = threads.getCurrentThreadCpuTime();
            long renderA = threads.getThreadCpuTime(renderThread);
            renderer.draw(painter, 1600, 1000);
            rec[f] = threads.getCurrentThreadCpuTime() - fxA;
            snapshot(canvas);
            wall[f] = System.nanoTime() - a;
            long renderB = threads.getThreadCpuTime(renderThread);
            snapshot(canvas);
            readback[f] = threads.getThreadCpuTime(renderThread) - renderB;
            raster[f] = Math.max(0, renderB - renderA - readback[f]);
            sum[f] = rec[f] + raster[f];
        }
        if (print) {
            System.out.printf(Locale.ROOT, "%-14s %13.2f %15.2f %22.2f %26.2f %9.2f %8d%n",
                    TimeTicks.duration((long) (vp.endNs() - vp.startNs())), median(rec), median(raster),
                    median(sum), median(readback), median(wall), renderer.drawnPieces());
        }
    }

    /** Renders the canvas' pending commands and reads its pixels back, on the render thread. */
    private static void snapshot(Canvas canvas) {
        WritableImage img = canvas.snapshot(null, null);
        if (img.getWidth() != canvas.getWidth()) {
            throw new IllegalStateException("snapshot size " + img.getWidth());
        }
    }

    private static double median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** The id of Prism's render thread, where the canvas commands are rasterised. */
    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        throw new IllegalStateException("no QuantumRenderer thread");
    }
}
