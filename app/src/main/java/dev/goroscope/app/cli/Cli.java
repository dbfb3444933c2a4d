package dev.goroscope.app.cli;

import dev.goroscope.importers.ImportException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code goroscope COMMAND …}. Runs without a display. Every error is one line on
 * standard error (naming the file and the line or byte for a file that cannot be read) and a non-zero exit code:
 * 1 when a file cannot be read or written, 2 for a usage error, 70 for an internal error.
 */
@Command(name = "goroscope", mixinStandardHelpOptions = true, version = "Goroscope 0.1.0",
        description = "Reads Go goroutine dumps, pprof profiles and execution traces.%n"
                + "Without a command, opens the GUI with the given files.",
        subcommands = {SummaryCommand.class, ExportSvgCommand.class, ExportFoldedCommand.class,
                ExportSpeedscopeCommand.class, BenchSvgCommand.class})
public final class Cli {
    /** Exit code of a bug: an exception no command expected. */
    static final int INTERNAL_ERROR = 70;
    private static final Set<String> COMMANDS = Set.of("help", "--help", "-h", "--version", "-V");

    private Cli() {
    }

    /** Whether {@code word} names a CLI command (so the GUI must not start). */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word) || commandLine().getSubcommands().containsKey(word);
    }

    /** Runs a command on the process's standard streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** Runs a command writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli()).addSubcommand("help", new CommandLine.HelpCommand())
                .addSubcommand("diff", new DiffCommand());
        cl.setOverwrittenOptionsAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(oneLine(name + ": " + ex.getMessage() + " (see '" + name + " --help')"));
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ImportException || ex instanceof CliException) {
                c.getErr().println(oneLine(ex.getMessage()));
                return 1;
            }
            c.getErr().println(oneLine("goroscope: internal error: " + ex));
            return INTERNAL_ERROR;
        });
        return cl;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
