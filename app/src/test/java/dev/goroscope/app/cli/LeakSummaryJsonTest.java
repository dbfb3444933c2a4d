package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.Importers;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LeakSummaryJsonTest {
    private static JsonNode fields(String file) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            LeakSummaryJson.writeFields(g, Importers.all().open(Path.of(file)));
            g.writeEndObject();
        }
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void groupsByCountAndRankedSuspectsOfAGoroutineLeakDump() throws Exception {
        JsonNode j = fields("src/test/resources/leaks/goroutineleak-debug2.txt");
        JsonNode first = j.get("groups").get(0);
        assertThat(first.toString()).isEqualTo("{\"count\":7,\"state\":\"waiting\",\"waitReason\":\"chan send\","
                + "\"entryFunction\":\"main.leakChanSend\",\"leafFunction\":\"main.leakChanSend\","
                + "\"createdBy\":\"main.plantAll\",\"maxWaitMinutes\":0}");
        long total = 0;
        for (JsonNode g : j.get("groups")) {
            total += g.get("count").asLong();
        }
        assertThat(total).isEqualTo(78);
        JsonNode s = j.get("suspects");
        assertThat(s.get(0).toString()).isEqualTo("{\"rule\":\"goroutineleak-profile\",\"count\":7,"
                + "\"entryFunction\":\"main.leakChanSend\"}");
        long leaked = 0;
        for (JsonNode x : s) {
            if (x.get("rule").asText().equals("goroutineleak-profile")) {
                leaked += x.get("count").asLong();
            }
        }
        assertThat(leaked).isEqualTo(54);
    }

    @Test
    void summaryJsonCarriesTheGroupsAndSuspects() throws Exception {
        JsonNode s = SummaryCommandTest.summary("summary", "--json", "src/test/resources/leaks/goroutineleak-debug2.txt");
        JsonNode direct = fields("src/test/resources/leaks/goroutineleak-debug2.txt");
        assertThat(s.get("groups")).isEqualTo(direct.get("groups"));
        assertThat(s.get("suspects")).isEqualTo(direct.get("suspects"));
        JsonNode profile = SummaryCommandTest.summary("summary", "--json", "src/test/resources/leaks/goroutine-debug1.txt");
        assertThat(profile.get("groups").isNull()).isTrue();
        assertThat(profile.get("suspects")).isEmpty();
    }

    @Test
    void aDumpWithoutSuspectsHasAnEmptyList() throws Exception {
        JsonNode j = fields("src/test/resources/leaks/goroutines-1795926103266.txt");
        assertThat(j.get("groups")).hasSize(6);
        assertThat(j.get("suspects")).isEmpty();
    }
}
