package dev.goroscope.app.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** GOROOT and the module cache as {@code go env} reports them, when {@code go} is on the PATH. */
public record GoEnvironment(Path goRoot, Path moduleCache) {
    public static final GoEnvironment UNKNOWN = new GoEnvironment(null, null);

    /** Runs {@code go env GOROOT GOMODCACHE} (at most a few seconds); {@link #UNKNOWN} when it cannot. */
    public static GoEnvironment detect() {
        try {
            Process p = new ProcessBuilder("go", "env", "GOROOT", "GOMODCACHE").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return UNKNOWN;
            }
            String[] lines = out.strip().split("\\R");
            return lines.length < 2 ? UNKNOWN : new GoEnvironment(pathOrNull(lines[0]), pathOrNull(lines[1]));
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    private static Path pathOrNull(String s) {
        return s.isBlank() ? null : Path.of(s.strip());
    }
}
