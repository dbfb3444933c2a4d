package dev.goroscope.app;

import dev.goroscope.app.cli.Cli;

/**
 * Entry point of the jar: a CLI command runs headless and never starts the JavaFX toolkit; anything else opens
 * the GUI with the given files. Not an {@code Application} subclass, so {@code java -jar} works without JavaFX
 * on the module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        GoroscopeApp.launchWith(args);
    }
}
