package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code goroscope diff} on two dumps of the growing/ program (steps 1 and 5; see the resources' NOTICE). */
class DiffCommandTest {
    private static final String FIRST = "src/test/resources/leaks/goroutines-1795926103266.txt";
    private static final String LAST = "src/test/resources/leaks/goroutines-1795926104481.txt";

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void jsonListsTheChangedGroupsByAbsoluteDelta() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("diff", FIRST, LAST, "--json"));
        assertThat(j.get("totalBefore").asLong()).isEqualTo(11);
        assertThat(j.get("totalAfter").asLong()).isEqualTo(27);
        JsonNode groups = j.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).toString()).isEqualTo("{\"entryFunction\":\"main.leakySend\",\"leafFunction\":"
                + "\"main.leakySend\",\"waitReason\":\"chan send\",\"before\":3,\"after\":15,\"delta\":12}");
        assertThat(groups.get(1).get("entryFunction").asText()).isEqualTo("main.lockShared");
        assertThat(groups.get(1).get("leafFunction").asText()).isEqualTo("internal/sync.runtime_SemacquireMutex");
        assertThat(groups.get(1).get("waitReason").asText()).isEqualTo("sync.Mutex.Lock");
        assertThat(groups.get(1).get("delta").asLong()).isEqualTo(4);
    }

    @Test
    void allAddsTheUnchangedGroupsAndTextIsATable() {
        JsonNode all;
        try {
            all = new ObjectMapper().readTree(run("diff", FIRST, LAST, "--json", "--all")).get("groups");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(all).extracting(n -> n.get("entryFunction").asText())
                .containsExactly("main.leakySend", "main.lockShared", "main.poolWorker", "main.napper", "main.main");
        String text = run("diff", FIRST, LAST);
        assertThat(text).startsWith("11 → 27 goroutines (+16): ");
        assertThat(text).contains("    +12       3      15  grown   chan send                 main.leakySend\n");
        assertThat(text).contains("main.lockShared ← internal/sync.runtime_SemacquireMutex");
    }

    @Test
    void aFileWithoutGoroutinesIsAUsageError() {
        CommandLine cl = Cli.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("diff", FIRST, "src/test/resources/leaks/NOTICE.md")).isNotZero();
    }
}
