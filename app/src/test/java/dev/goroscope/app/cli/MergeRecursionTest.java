package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --merge-recursion} on a real CPU profile of Go's encoding/json benchmarks, whose decoder recurses through
 * {@code value → object → value}: no stack keeps a function twice, no time is lost, and the recursive decoder's
 * deepest stacks become shallow.
 */
class MergeRecursionTest {
    private static final String VALUE = "encoding/json.(*decodeState).value";

    @Test
    void foldsDirectAndIndirectRecursionAndKeepsEveryNanosecond(@TempDir Path dir) throws Exception {
        Path profile = Path.of(MergeRecursionTest.class.getResource("/go1.26/json-cpu.pprof").toURI());
        List<String> plain = folded(profile, dir.resolve("plain.folded"));
        List<String> merged = folded(profile, dir.resolve("merged.folded"), "--merge-recursion");

        assertThat(maxTimes(plain, VALUE)).as("value on one stack, before").isGreaterThan(3);
        for (String line : merged) {
            String[] frames = stack(line);
            assertThat(new HashSet<>(Arrays.asList(frames))).as(line).hasSize(frames.length);
        }
        assertThat(total(merged)).isEqualTo(total(plain));
        assertThat(maxDepth(merged)).isLessThan(maxDepth(plain));
    }

    @Test
    void theOptionIsListedInTheHelp() {
        assertThat(CliRun.of("export-folded", "--help").out()).contains("--merge-recursion");
    }

    private static List<String> folded(Path in, Path out, String... options) throws IOException {
        String[] args = new String[options.length + 3];
        args[0] = "export-folded";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = in.toString();
        args[options.length + 2] = out.toString();
        CliRun run = CliRun.of(args);
        assertThat(run.code()).as(run.err()).isZero();
        return Files.readAllLines(out);
    }

    private static String[] stack(String line) {
        return line.substring(0, line.lastIndexOf(' ')).split(";");
    }

    private static long total(List<String> lines) {
        return lines.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int maxDepth(List<String> lines) {
        return lines.stream().mapToInt(l -> stack(l).length).max().orElse(0);
    }

    private static long maxTimes(List<String> lines, String function) {
        return lines.stream().mapToLong(l -> Arrays.stream(stack(l)).filter(function::equals).count()).max().orElse(0);
    }
}
