package dev.goroscope.app.cli;

import dev.goroscope.app.export.SvgFlameGraphWriter;
import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench-svg", hidden = true, mixinStandardHelpOptions = true,
        description = "Times the flame layout and the SVG export of a large call tree: FILE's stacks, or synthetic "
                + "Go-like stacks when no FILE is given. Prints the figures of each run and the best.")
final class BenchSvgCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A dump or profile to export.")
    private Path file;

    @Option(names = "--stacks", paramLabel = "N", defaultValue = "100000",
            description = "Distinct synthetic stacks (default: ${DEFAULT-VALUE}).")
    private int stacks;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200", description = "Image width.")
    private double width;

    @Option(names = "--minwidth", paramLabel = "PX", defaultValue = "0.1", description = "Minimum frame width.")
    private double minWidth;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WeightedStacks input;
        if (file != null) {
            input = StackChoice.of(CommandFiles.read(file), null).stacks();
            out.printf("input: %s, %d distinct stacks%n", file, input.size());
        } else {
            input = SyntheticStacks.generate(stacks, 42);
            out.printf("input: %d synthetic distinct stacks (no FILE given)%n", input.size());
        }
        long t0 = System.nanoTime();
        CallTree tree = CallTree.of(input);
        out.printf("call tree: %d nodes, max depth %d, built in %.1f ms%n", tree.size(), tree.maxDepth(),
                (System.nanoTime() - t0) / 1e6);
        SvgOptions options = new SvgOptions(width, minWidth, "bench");
        Path svg = Files.createTempFile("goroscope-bench", ".svg");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            double best = Double.MAX_VALUE;
            for (int r = 0; r < runs + 1; r++) {
                long a = System.nanoTime();
                FlameLayout layout = FlameLayout.compute(tree, CallTree.ROOT, width - 20, minWidth);
                long b = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                try (BufferedWriter w = Files.newBufferedWriter(svg, StandardCharsets.UTF_8)) {
                    SvgFlameGraphWriter.write(tree, ViewState.DEFAULT, options, w);
                }
                long c = System.nanoTime();
                double export = (c - b) / 1e6;
                out.printf("%s: layout alone %.1f ms (%d frames); SVG export (layout + write) %.1f ms wall, "
                        + "%.1f ms CPU, %.1f MB%n", r == 0 ? "warm-up" : "run " + r, (b - a) / 1e6, layout.count(),
                        export, (threads.getCurrentThreadCpuTime() - cpu) / 1e6, Files.size(svg) / 1e6);
                if (r > 0) {
                    best = Math.min(best, export);
                }
            }
            out.printf("best SVG export: %.1f ms wall%n", best);
        } finally {
            Files.deleteIfExists(svg);
        }
        return 0;
    }
}
