package dev.goroscope.app.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How to open a file at a line in the user's editor: a template such as {@code code -g {file}:{line}} split into
 * words (double quotes group words), with {@code {file}} and {@code {line}} replaced in each word and a word
 * {@code $NAME} replaced by that environment variable's words. Run without a shell.
 */
public final class EditorCommand {
    /** Templates offered in the preferences: VS Code, IntelliJ/GoLand, $EDITOR, Sublime Text, Emacs client. */
    public static final List<String> PRESETS = List.of(
            "code -g {file}:{line}",
            "idea --line {line} {file}",
            "goland --line {line} {file}",
            "$EDITOR +{line} {file}",
            "subl {file}:{line}",
            "emacsclient -n +{line} {file}");
    public static final String DEFAULT = "code -g {file}:{line}";

    private EditorCommand() {
    }

    /** The program and arguments for {@code template}; fails when it expands to nothing. */
    public static List<String> expand(String template, Path file, int line, UnaryOperator<String> env) {
        List<String> out = new ArrayList<>();
        for (String word : words(template)) {
            if (word.startsWith("$") && word.length() > 1 && !word.contains("{")) {
                String value = env.apply(word.substring(1));
                if (value != null) {
                    out.addAll(words(value));
                }
                continue;
            }
            out.add(word.replace("{file}", file.toString()).replace("{line}", Integer.toString(Math.max(1, line))));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the editor command \"" + template + "\" names no program");
        }
        return out;
    }

    /** Starts the editor; the message of the exception says what went wrong in the user's words. */
    public static Process open(String template, Path file, int line) throws IOException {
        List<String> command = expand(template, file, line, System::getenv);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }
}
