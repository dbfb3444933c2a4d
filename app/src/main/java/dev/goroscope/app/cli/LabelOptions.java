package dev.goroscope.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** pprof label options of the commands that read stacks: filter samples by a label, group stacks by one. */
final class LabelOptions {
    @Option(names = "--tag-focus", order = 20, paramLabel = "KEY=VALUE", description = "Keep only the samples of a "
            + "profile that carry this pprof label; repeat for several: values of one key are alternatives, "
            + "different keys must all match (pprof's -tagfocus rule).")
    private List<String> focus = new ArrayList<>();

    @Option(names = "--tag-group", order = 21, paramLabel = "KEY", description = "Group stacks by a pprof label: "
            + "each stack gets a root frame KEY=VALUE (KEY=(none) without the label); repeat for several, first outermost.")
    private List<String> group = new ArrayList<>();

    List<String> focus() {
        return focus;
    }

    List<String> group() {
        return group;
    }
}
