package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SpeedscopeWriterTest {
    static JsonNode speedscope(CallTree tree, String name) throws Exception {
        StringWriter out = new StringWriter();
        SpeedscopeWriter.write(tree, name, out);
        return new ObjectMapper().readTree(out.toString());
    }

    /** Checks the shape speedscope's file-format schema asks of a file with one sampled profile. */
    public static void assertSpeedscopeShape(JsonNode root) {
        assertThat(root.get("$schema").asText()).isEqualTo("https://www.speedscope.app/file-format-schema.json");
        JsonNode frames = root.get("shared").get("frames");
        assertThat(frames.isArray()).isTrue();
        for (JsonNode f : frames) {
            assertThat(f.get("name").isTextual()).isTrue();
        }
        JsonNode profile = root.get("profiles").get(0);
        assertThat(root.get("profiles")).hasSize(1);
        assertThat(profile.get("type").asText()).isEqualTo("sampled");
        assertThat(profile.get("unit").asText()).isIn("none", "nanoseconds", "microseconds", "milliseconds",
                "seconds", "bytes");
        assertThat(profile.get("samples")).hasSameSizeAs(profile.get("weights"));
        long sum = 0;
        for (JsonNode w : profile.get("weights")) {
            sum += w.asLong();
        }
        assertThat(profile.get("endValue").asLong() - profile.get("startValue").asLong()).isEqualTo(sum);
        for (JsonNode sample : profile.get("samples")) {
            for (JsonNode index : sample) {
                assertThat(index.asInt()).isBetween(0, frames.size() - 1);
            }
        }
        assertThat(root.get("activeProfileIndex").asInt()).isZero();
    }

    @Test
    void writesOneSampledProfileWithSharedFramesPerFunction() throws Exception {
        WeightedStacks in = TestStacks.of("main;a;b", 3, "main;a", 2, "main;c;b", 4);
        JsonNode root = speedscope(CallTree.of(in), "test — goroutine/count");
        assertSpeedscopeShape(root);
        List<String> names = new ArrayList<>();
        root.get("shared").get("frames").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).containsExactly("main", "a", "b", "c");
        JsonNode first = root.get("shared").get("frames").get(0);
        assertThat(first.get("file").asText()).isEqualTo("src/main.go");
        assertThat(first.get("line").asInt()).isEqualTo(10);
        JsonNode profile = root.get("profiles").get(0);
        assertThat(profile.get("name").asText()).isEqualTo("test — goroutine/count");
        assertThat(profile.get("unit").asText()).isEqualTo("none");
        assertThat(profile.get("samples").toString()).isEqualTo("[[0,1],[0,1,2],[0,3,2]]");
        assertThat(profile.get("weights").toString()).isEqualTo("[2,3,4]");
    }

    @Test
    void keepsTimeUnitsAndStacksWithNoFrame() throws Exception {
        StackTable table = new StackTable();
        int main = table.internRootFirst(new int[] {table.frames().intern("main", "", 0)}, 1);
        WeightedStacks in = new WeightedStacks(table, new int[] {main, StackTable.EMPTY}, new long[] {40, 2},
                "nanoseconds");
        JsonNode root = speedscope(CallTree.of(in), "cpu");
        assertSpeedscopeShape(root);
        JsonNode profile = root.get("profiles").get(0);
        assertThat(profile.get("unit").asText()).isEqualTo("nanoseconds");
        assertThat(profile.get("samples").toString()).isEqualTo("[[],[0]]");
        assertThat(root.get("shared").get("frames").get(0).has("file")).isFalse();
    }
}
