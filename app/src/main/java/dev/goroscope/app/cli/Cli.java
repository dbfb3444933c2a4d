package dev.goroscope.app.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code goroscope COMMAND …}. Runs without a display. */
@Command(name = "goroscope", mixinStandardHelpOptions = true, version = "Goroscope 0.1.0",
        description = "Reads Go goroutine dumps, pprof profiles and execution traces.%n"
                + "Without a command, opens the GUI with the given files.")
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("help", "--help", "-h", "--version", "-V");

    private Cli() {
    }

    /** Whether {@code word} names a CLI command (so the GUI must not start). */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word) || commandLine().getSubcommands().containsKey(word);
    }

    /** Runs a command; returns the process exit code. */
    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Cli()).addSubcommand("help", new CommandLine.HelpCommand())
                .addSubcommand("diff", new DiffCommand());
    }
}
