package dev.goroscope.app.flame;

import dev.goroscope.app.tasks.InlineTaskRunner;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Prints how long the flame graph takes on a large tree: building the call tree, laying it out, recording one
 * paint of the canvas, and paint plus render (a snapshot). The input is generated: N goroutines with N distinct
 * stacks forming a binary call tree (as {@code samples/progs/bigdump -distinct N} writes). Runs the JavaFX
 * toolkit headless (Monocle, software rendering) at 1600x1000. A command, not a test. Argument: N (default
 * 100000).
 */
public final class FlameCanvasBench {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static final int ROUNDS = 15;

    private FlameCanvasBench() {
    }

    public static void main(String[] args) throws Exception {
        int leaves = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");

        WeightedStacks stacks = binaryTree(leaves);
        long t0 = System.nanoTime();
        CallTree tree = CallTree.of(stacks);
        double build = ms(t0);
        double[] layout = new double[ROUNDS];
        int boxes = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            boxes = FlameLayout.compute(tree, CallTree.ROOT, WIDTH, 0.5).count();
            layout[i] = ms(t);
        }
        System.out.printf("tree: %,d stacks -> %,d nodes built in %.0f ms%n", leaves, tree.size(), build);
        System.out.printf("layout at %d px: %,d boxes, median %.2f ms%n", WIDTH, boxes, median(layout));

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<double[][]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(paint(tree));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        double[][] times = result.get();
        System.out.printf("canvas paint (record): median %.1f ms, first %.1f ms%n", median(times[0]), times[0][0]);
        System.out.printf("canvas paint + render (snapshot): median %.1f ms%n", median(times[1]));
        Platform.exit();
    }

    /** Repaints by flipping the orientation; returns {record times, record + render times}. */
    private static double[][] paint(CallTree tree) {
        FlameGraphModel model = new FlameGraphModel(tree, new InlineTaskRunner());
        FlameGraphCanvas canvas = new FlameGraphCanvas(model, m -> { });
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(canvas), WIDTH, HEIGHT));
        stage.show();
        double[] record = new double[ROUNDS];
        double[] render = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            model.setIcicle(i % 2 == 0);
            long t = System.nanoTime();
            canvas.layout();
            record[i] = ms(t);
            canvas.snapshot(null, null);
            render[i] = ms(t);
        }
        stage.hide();
        return new double[][] {record, render};
    }

    /** Goroutine i calls through ceil(log2 n) levels of F0/F1 chosen by the bits of i, then a leaf function. */
    private static WeightedStacks binaryTree(int n) {
        StackTable stacks = new StackTable(new FrameTable());
        FrameTable frames = stacks.frames();
        int levels = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        int main = frames.intern("main.main", "bench/main.go", 10);
        int[] f0 = new int[levels];
        int[] f1 = new int[levels];
        for (int k = 0; k < levels; k++) {
            f0[k] = frames.intern("main.distinctF0", "bench/main.go", 100 + k);
            f1[k] = frames.intern("main.distinctF1", "bench/main.go", 200 + k);
        }
        int leaf = frames.intern("main.distinctLeaf", "bench/main.go", 300);
        int[] ids = new int[n];
        int[] rootFirst = new int[levels + 2];
        for (int i = 0; i < n; i++) {
            rootFirst[0] = main;
            for (int k = 0; k < levels; k++) {
                rootFirst[k + 1] = ((i >>> k) & 1) == 0 ? f0[k] : f1[k];
            }
            rootFirst[levels + 1] = leaf;
            ids[i] = stacks.internRootFirst(rootFirst, levels + 2);
        }
        long[] weights = new long[n];
        Arrays.fill(weights, 1);
        return new WeightedStacks(stacks, ids, weights, "goroutines");
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
