package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class TransformOptionsTest {
    @Command(name = "t")
    static final class Holder {
        @Mixin
        TransformOptions options;
    }

    @Test
    void transformsKeepTheOrderOfTheCommandLine() {
        Holder h = new Holder();
        new CommandLine(h).setOverwrittenOptionsAllowed(true)
                .parseArgs("--hide", "^runtime\\.", "--focus", "handler", "--drop", "gc", "--hide", "x", "--isolate", "y");
        assertThat(h.options.transforms()).containsExactly(
                StackTransform.hide(FunctionMatcher.regex("^runtime\\.")),
                StackTransform.focus(FunctionMatcher.regex("handler")),
                StackTransform.drop(FunctionMatcher.regex("gc")),
                StackTransform.hide(FunctionMatcher.regex("x")),
                StackTransform.isolate(FunctionMatcher.regex("y")));
    }
}
