package dev.goroscope.app.cli;

import dev.goroscope.app.export.SpeedscopeWriter;
import dev.goroscope.model.calltree.CallTree;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-speedscope", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes a file's stacks as a speedscope JSON file (one sampled profile) to open at "
                + "speedscope.app.",
                "--focus, --isolate, --hide and --drop apply in the order given."})
final class ExportSpeedscopeCommand implements Callable<Integer> {
    @Mixin
    private StackInput input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The JSON file to write; - for standard output.")
    private String out;

    @Mixin
    private TransformOptions transforms;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackChoice choice = input.read();
        CallTree tree = CallTree.of(choice.stacks(), transforms.transforms());
        String name = input.file().getFileName() + " — " + choice.sampleType();
        CommandFiles.write(out, spec.commandLine().getOut(), w -> SpeedscopeWriter.write(tree, name, w));
        return 0;
    }
}
