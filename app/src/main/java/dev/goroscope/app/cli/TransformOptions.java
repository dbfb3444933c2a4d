package dev.goroscope.app.cli;

import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The stack transforms a command takes, kept in the order they were given on the command line. */
final class TransformOptions {
    private final List<StackTransform> transforms = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--focus", order = 1, paramLabel = "RE", description = "Re-root every stack at its outermost function "
            + "matching RE; stacks without one are dropped (pprof -focus).")
    void focus(String re) {
        add(StackTransform::focus, "--focus", re);
    }

    @Option(names = "--isolate", order = 2, paramLabel = "RE", description = "Keep only the stacks through a function "
            + "matching RE, whole.")
    void isolate(String re) {
        add(StackTransform::isolate, "--isolate", re);
    }

    @Option(names = "--hide", order = 3, paramLabel = "RE", description = "Remove the frames of functions matching RE; "
            + "their callees move up to their caller.")
    void hide(String re) {
        add(StackTransform::hide, "--hide", re);
    }

    @Option(names = "--drop", order = 4, paramLabel = "RE", description = "Remove the stacks through a function matching RE.")
    void drop(String re) {
        add(StackTransform::drop, "--drop", re);
    }

    @Option(names = "--merge-recursion", order = 5, description = "Fold recursion, direct or through other "
            + "functions: a function met again in a stack merges into its first call.")
    void mergeRecursion(boolean on) {
        transforms.add(StackTransform.mergeRecursion());
    }

    /** The transforms in command-line order. */
    List<StackTransform> transforms() {
        return List.copyOf(transforms);
    }

    private void add(Function<FunctionMatcher, StackTransform> kind, String option, String re) {
        try {
            transforms.add(kind.apply(FunctionMatcher.regex(re)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
