package dev.goroscope.app.timeline;

import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.timeline.Timeline;
import dev.goroscope.model.timeline.TimelineBuilder;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * Redraw cost of the timeline at five zoom levels on a synthetic trace of {@code goroutines × spans} intervals
 * (default 10,000 × 1,000 = 10 million), drawn headless on Monocle into a 1600×1000 canvas. Prints, per zoom, the
 * time to record the frame (all drawing decisions and canvas commands; wall clock and CPU time of the FX thread, the latter
 * robust to a loaded machine) and the wall time including the rasterisation
 * forced by a snapshot, and the CPU time of the whole process over that (record and rasterisation on the render
 * thread; robust to a loaded machine, unlike the wall clock), each the median of several frames. Run:
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
        double middle = (tl.startNs() + tl.endNs()) / 2.0;
        vp.setScrollY(rows.totalHeight() / 2);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.println("visible span   record wall ms (median/max)   record CPU ms (median)   +raster wall ms"
                + "   +raster process CPU ms   pieces");
        for (double z : zooms) {
            double len = (tl.endNs() - tl.startNs()) * z;
            vp.fit();
            vp.showRange(middle - len / 2, middle + len / 2);
            vp.setScrollY(rows.totalHeight() / 2);
            int frames = 9;
            long[] rec = new long[frames];
            long[] total = new long[frames];
            long[] cpu = new long[frames];
            long[] all = new long[frames];
            for (int f = 0; f < frames; f++) {
                vp.panBy(f % 2 == 0 ? 3 : -3);
                long procA = os.getProcessCpuTime();
                long a = System.nanoTime();
                long cpuA = threads.getCurrentThreadCpuTime();
                canvas.getGraphicsContext2D().clearRect(0, 0, 1600, 1000);
                renderer.draw(painter, 1600, 1000);
                long b = System.nanoTime();
                cpu[f] = threads.getCurrentThreadCpuTime() - cpuA;
                WritableImage img = canvas.snapshot(null, null);
                long c = System.nanoTime();
                all[f] = os.getProcessCpuTime() - procA;
                rec[f] = b - a;
                total[f] = c - a;
                if (img.getWidth() != 1600) {
                    throw new IllegalStateException("snapshot size " + img.getWidth());
                }
            }
            java.util.Arrays.sort(rec);
            java.util.Arrays.sort(total);
            java.util.Arrays.sort(cpu);
            java.util.Arrays.sort(all);
            System.out.printf(Locale.ROOT, "%-14s %10.2f / %7.2f %19.2f %20.2f %24.2f %8d%n",
                    TimeTicks.duration((long) (vp.endNs() - vp.startNs())), rec[frames / 2] / 1e6,
                    rec[frames - 1] / 1e6, cpu[frames / 2] / 1e6, total[frames / 2] / 1e6, all[frames / 2] / 1e6,
                    renderer.drawnPieces());
        }
    }
}
