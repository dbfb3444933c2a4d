package dev.goroscope.app.cli;

import dev.goroscope.model.Dataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "summary", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Prints what a file holds: goroutines by state and wait reason, the number of distinct stacks "
                + "and the functions on the most stacks; for a profile, its sample types and their totals.",
                "With --json, one JSON object with the keys file, format, goVersion, goroutines, states, waitReasons, "
                + "distinctStacks, sampleTypes, totals, topSampleType, top ([{function, self, total}]: total = "
                + "weight of the stacks containing the function, once per stack; self = weight of the stacks "
                + "ending in it), groups ([{count, state, waitReason, entryFunction, leafFunction, createdBy, "
                + "maxWaitMinutes}] by count, largest first; null for a profile), suspects ([{rule, count, "
                + "entryFunction}], ranked leak suspects under the default rules) and warnings."})
final class SummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "1..*", paramLabel = "FILE", description = "A goroutine dump or profile (gzip is "
            + "unwrapped); several profiles of one kind are merged into one, their figures added up.")
    private List<Path> files;

    @Option(names = "--json", order = 11, description = "Print one JSON object instead of text.")
    private boolean json;

    @Option(names = "--top", order = 12, paramLabel = "N", defaultValue = "20",
            description = "How many functions to list, most total weight first; 0 for all (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--sample-type", order = 13, paramLabel = "TYPE", description = "The profile value to rank functions by, "
            + "as type or type/unit (e.g. alloc_space, cpu/nanoseconds); default: the profile's default.")
    private String sampleType;

    @Mixin
    private LabelOptions labels;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be 0 or more, not " + top);
        }
        Dataset d = StackChoice.withLabels(CommandFiles.read(files), labels.focus());
        Summary s = Summary.of(d, sampleType, top, labels.group());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            SummaryJson.write(s, d, out);
        } else {
            SummaryText.write(s, out);
        }
        return 0;
    }
}
