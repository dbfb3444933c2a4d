package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsButNotTheBenchmark() {
        CliRun r = CliRun.of("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("summary", "export-svg", "export-folded", "export-speedscope")
                .doesNotContain("bench-svg");
    }

    @Test
    void eachCommandDocumentsItsOptions() {
        CliRun svg = CliRun.of("export-svg", "--help");
        assertThat(svg.code()).isZero();
        assertThat(svg.out()).contains("IN", "OUT.svg", "--focus=RE", "--isolate=RE", "--hide=RE", "--drop=RE",
                "--icicle", "--invert", "--width=PX", "--minwidth=PX", "--title=T", "--search=RE", "--sample-type=TYPE");
        assertThat(CliRun.of("summary", "--help").out()).contains("--json", "--top=N", "--sample-type=TYPE",
                "waitReasons");
        assertThat(CliRun.of("export-folded", "--help").out()).contains("--focus=RE", "--drop=RE");
        assertThat(CliRun.of("export-speedscope", "--help").out()).contains("--hide=RE", "--isolate=RE");
    }

    @Test
    void aMissingFileIsOneLineNamingItWithExitCodeOne() {
        String missing = dir.resolve("nope.txt").toString();
        CliRun r = CliRun.of("summary", "--json", missing);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLine()).isEqualTo(missing + ": no such file").doesNotContain("\n");
    }

    @Test
    void anEmptyFileIsOneLineNamingItAndTheOffset() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        for (List<String> args : List.of(List.of("summary", "--json", empty.toString()),
                List.of("export-svg", empty.toString(), dir.resolve("o.svg").toString()),
                List.of("export-folded", empty.toString(), dir.resolve("o.folded").toString()),
                List.of("export-speedscope", empty.toString(), dir.resolve("o.json").toString()))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(args.toString()).isEqualTo(1);
            assertThat(r.errLine()).isEqualTo(empty + ": byte 0: the file is empty");
        }
        assertThat(dir.resolve("o.svg")).doesNotExist();
    }

    @Test
    void aBinaryFileIsOneLineNamingItAndWhere() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Path bin = Files.write(dir.resolve("junk.bin"), junk);
        CliRun r = CliRun.of("summary", bin.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.errLine()).startsWith(bin + ": ").matches(".*: (line|byte) \\d+: .*").doesNotContain("\n");
    }

    @Test
    void usageErrorsAreOneLineWithExitCodeTwo() {
        CliRun missingOut = CliRun.of("export-svg", "in.txt");
        assertThat(missingOut.code()).isEqualTo(2);
        assertThat(missingOut.errLine()).startsWith("goroscope export-svg: Missing required parameter: 'OUT.svg'")
                .doesNotContain("\n");
        CliRun badRegex = CliRun.of("export-folded", "in.txt", "out.txt", "--focus", "(");
        assertThat(badRegex.code()).isEqualTo(2);
        assertThat(badRegex.errLine()).startsWith("goroscope export-folded: --focus: bad regular expression '('")
                .doesNotContain("\n");
        CliRun badSearch = CliRun.of("export-svg", "in.txt", "out.svg", "--search", "[");
        assertThat(badSearch.code()).isEqualTo(2);
        assertThat(badSearch.errLine()).contains("--search: bad regular expression '['");
        CliRun badWidth = CliRun.of("export-svg", "in.txt", "out.svg", "--width", "5");
        assertThat(badWidth.code()).isEqualTo(2);
        assertThat(badWidth.errLine()).contains("width must be at least 100 pixels");
        CliRun badTop = CliRun.of("summary", "--top", "-1", "in.txt");
        assertThat(badTop.code()).isEqualTo(2);
        assertThat(badTop.errLine()).contains("--top must be 0 or more");
        CliRun unknown = CliRun.of("summary", "--frobnicate", "in.txt");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLine()).doesNotContain("\n");
    }

    @Test
    void commandsAreToldApartFromFiles() {
        assertThat(Cli.isCommand("summary")).isTrue();
        assertThat(Cli.isCommand("export-svg")).isTrue();
        assertThat(Cli.isCommand("--help")).isTrue();
        assertThat(Cli.isCommand("dump.txt")).isFalse();
    }
}
