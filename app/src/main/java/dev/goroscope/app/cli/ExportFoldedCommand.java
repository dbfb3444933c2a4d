package dev.goroscope.app.cli;

import dev.goroscope.app.export.FoldedWriter;
import dev.goroscope.model.calltree.CallTree;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-folded", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes a file's stacks as folded stacks, one 'root;...;leaf weight' line per distinct stack "
                + "(the input of flamegraph.pl and speedscope).",
                "--focus, --isolate, --hide and --drop apply in the order given."})
final class ExportFoldedCommand implements Callable<Integer> {
    @Mixin
    private StackInput input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write; - for standard output.")
    private String out;

    @Mixin
    private TransformOptions transforms;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackChoice choice = input.read();
        CallTree tree = CallTree.of(choice.stacks(), transforms.transforms());
        CommandFiles.write(out, spec.commandLine().getOut(), w -> FoldedWriter.write(tree, w));
        return 0;
    }
}
