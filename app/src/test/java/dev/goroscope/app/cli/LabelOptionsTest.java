package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --tag-focus and --tag-group on a real Go 1.26 goroutine profile whose chan-send goroutines carry a pprof label. */
class LabelOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws Exception {
        return Path.of(LabelOptionsTest.class.getResource("/go1.26/" + name).toURI());
    }

    /** The goroutines go tool pprof -raw lists under samples carrying pattern:[chan-send]. */
    private static long labelledInRaw() throws Exception {
        String[] lines = Files.readString(resource("goroutine.pprof-raw.txt")).split("\n");
        Pattern sample = Pattern.compile("^\\s+(\\d+): [\\d ]+$");
        long sum = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher m = sample.matcher(lines[i]);
            if (m.matches() && lines[i + 1].trim().equals("pattern:[chan-send]")) {
                sum += Long.parseLong(m.group(1));
            }
        }
        return sum;
    }

    @Test
    void tagFocusKeepsOnlyTheLabelledSamples() throws Exception {
        CliRun run = CliRun.of("summary", "--json", "--tag-focus", "pattern=chan-send", resource("goroutine.pb.gz").toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = JSON.readTree(run.out());
        assertThat(labelledInRaw()).isEqualTo(7);
        assertThat(s.get("goroutines").asLong()).isEqualTo(labelledInRaw());
        assertThat(s.get("top").get(0).get("function").asText()).isEqualTo("main.leakChanSend");
    }

    @Test
    void tagGroupPutsTheLabelAtTheRootOfEveryStack() throws Exception {
        Path out = Files.createTempFile("grouped", ".folded");
        CliRun run = CliRun.of("export-folded", "--tag-group", "pattern", resource("goroutine.pb.gz").toString(), out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        long labelled = 0;
        long total = 0;
        for (String line : Files.readAllLines(out)) {
            long w = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            total += w;
            assertThat(line).matches("pattern=(chan-send|\\(none\\));.*");
            if (line.startsWith("pattern=chan-send;")) {
                labelled += w;
            }
        }
        assertThat(labelled).isEqualTo(labelledInRaw());
        assertThat(total).isGreaterThan(labelled);
        Files.delete(out);
    }

    @Test
    void valuesOfOneKeyAreAlternativesAndKeysMustAllMatch() throws Exception {
        dev.goroscope.app.PprofRaw raw = dev.goroscope.app.PprofRaw.read(resource("cpu.pprof-raw.txt"));
        String cpu = resource("cpu.pb.gz").toString();
        CliRun either = CliRun.of("summary", "--json", "--tag-focus", "burner=0", "--tag-focus", "burner=1", cpu);
        assertThat(either.code()).as(either.err()).isZero();
        long expected = raw.total(1, l -> l.contains("burner:[0]") || l.contains("burner:[1]"));
        assertThat(JSON.readTree(either.out()).get("totals").get("cpu/nanoseconds").asLong()).isEqualTo(expected);
        CliRun both = CliRun.of("summary", "--json", "--tag-focus", "burner=1", "--tag-focus", "busy=cpu-burner", cpu);
        assertThat(JSON.readTree(both.out()).get("totals").get("cpu/nanoseconds").asLong())
                .isEqualTo(raw.total(1, l -> l.contains("burner:[1]") && l.contains("busy:[cpu-burner]")));
        CliRun bad = CliRun.of("summary", "--tag-focus", "burner", cpu);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.errLine()).isEqualTo("--tag-focus: a label filter is KEY=VALUE, not 'burner'");
    }

    @Test
    void labelOptionsOnADumpAreAOneLineError() throws Exception {
        Path dump = Path.of(getClass().getResource("/go1.19/dump-debug2.txt").toURI());
        CliRun run = CliRun.of("summary", "--tag-focus", "k=v", dump.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLine()).contains("dump-debug2.txt").contains("pprof profiles").doesNotContain("\n");
    }
}
