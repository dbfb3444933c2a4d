package dev.goroscope.app.cli;

import dev.goroscope.app.export.SvgFlameGraphWriter;
import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.calltree.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-svg", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes a flame graph of a file's stacks as a standalone interactive SVG: click a frame to "
                + "zoom, Reset Zoom, Search (or Ctrl-F) to highlight functions and see the matched share; tooltips "
                + "give function, file:line, weight and share.",
                "--focus, --isolate, --hide and --drop apply in the order given; --invert after them."})
final class ExportSvgCommand implements Callable<Integer> {
    @Mixin
    private StackInput input;

    @Parameters(index = "1", paramLabel = "OUT.svg", description = "The SVG file to write; - for standard output.")
    private String out;

    @Mixin
    private TransformOptions transforms;

    @Option(names = "--invert", order = 11, description = "Callers view: the innermost frames at the root.")
    private boolean invert;

    @Option(names = "--icicle", order = 12, description = "Root at the top instead of the bottom.")
    private boolean icicle;

    @Option(names = "--search", order = 13, paramLabel = "RE", description = "Highlight functions matching RE and show the "
            + "matched share.")
    private String search;

    @Option(names = "--width", order = 14, paramLabel = "PX", defaultValue = "1200",
            description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    private double width;

    @Option(names = "--minwidth", order = 15, paramLabel = "PX", defaultValue = "0.1",
            description = "Leave out frames narrower than PX pixels (default: ${DEFAULT-VALUE}).")
    private double minWidth;

    @Option(names = "--title", order = 16, paramLabel = "T", description = "The heading (default: the file name and sample type).")
    private String title;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SvgOptions options = options();
        ViewState view = view();
        StackChoice choice = input.read();
        var tree = view.treeOf(choice.stacks());
        SvgOptions titled = title != null ? options
                : new SvgOptions(options.width(), options.minWidth(), input.file().getFileName() + " — " + choice.sampleType());
        CommandFiles.write(out, spec.commandLine().getOut(), w -> SvgFlameGraphWriter.write(tree, view, titled, w));
        return 0;
    }

    private SvgOptions options() {
        try {
            return new SvgOptions(width, minWidth, title);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ViewState view() {
        if (search != null) {
            try {
                Pattern.compile(search);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(),
                        "--search: bad regular expression '" + search + "': " + e.getDescription());
            }
        }
        List<StackTransform> list = new ArrayList<>(transforms.transforms());
        if (invert) {
            list.add(StackTransform.invert());
        }
        return new ViewState(list, List.of(), search, icicle);
    }
}
