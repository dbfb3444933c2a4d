package dev.goroscope.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input of a command that works on stacks: the file (with any profiles merged into it), the sample type to
 * weigh by and the label options.
 */
final class StackInput {
    @Parameters(index = "0", paramLabel = "IN", description = "A goroutine dump, profile or trace (gzip is unwrapped).")
    private Path in;

    @Option(names = "--sample-type", order = 17, paramLabel = "TYPE", description = "The profile value to weigh stacks by, "
            + "as type or type/unit; default: the profile's default.")
    private String sampleType;

    @Option(names = "--merge-with", order = 18, paramLabel = "FILE", description = "Merge this profile of the same "
            + "kind into IN, its samples added up; repeat for several.")
    private List<Path> mergeWith = new ArrayList<>();

    @Mixin
    private LabelOptions labels;

    Path file() {
        return in;
    }

    /** Reads the file and picks its stacks; errors name the file and the line or byte. */
    StackChoice read() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(in);
        files.addAll(mergeWith);
        return StackChoice.of(CommandFiles.read(files), sampleType, labels.focus(), labels.group());
    }
}
