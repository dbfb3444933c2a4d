package dev.goroscope.app.cli;

import dev.goroscope.app.export.SpeedscopeWriter;
import dev.goroscope.model.calltree.CallTree;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-speedscope", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes a file's stacks as a speedscope JSON file (one sampled profile) to open at "
                + "speedscope.app.",
                "--focus, --isolate, --hide and --drop apply in the order given."})
final class ExportSpeedscopeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "A goroutine dump or profile (gzip is unwrapped).")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The JSON file to write; - for standard output.")
    private String out;

    @Mixin
    private TransformOptions transforms;

    @Option(names = "--sample-type", order = 11, paramLabel = "TYPE", description = "The profile value to weigh stacks by, as "
            + "type or type/unit; default: the profile's default.")
    private String sampleType;

    @Mixin
    private LabelOptions labels;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackChoice choice = StackChoice.of(CommandFiles.read(in), sampleType, labels.focus(), labels.group());
        CallTree tree = CallTree.of(choice.stacks(), transforms.transforms());
        String name = in.getFileName() + " — " + choice.sampleType();
        CommandFiles.write(out, spec.commandLine().getOut(), w -> SpeedscopeWriter.write(tree, name, w));
        return 0;
    }
}
