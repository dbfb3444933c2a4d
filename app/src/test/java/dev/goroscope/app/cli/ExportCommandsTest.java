package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.app.export.SpeedscopeWriterTest;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class ExportCommandsTest {
    private static final Path DUMP = Go119.file("dump-debug2.txt");

    @TempDir
    Path dir;

    private static WeightedStacks dumpStacks() throws Exception {
        return Importers.all().open(DUMP).dump().stackCounts();
    }

    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))));
    }

    private static int frameCount(Document doc) {
        var groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").equals("frames")) {
                return g.getElementsByTagNameNS("*", "rect").getLength();
            }
        }
        throw new AssertionError("no frames group");
    }

    @Test
    void exportSvgOfARealDumpHasOneRectPerLayoutBox() throws Exception {
        Path out = dir.resolve("dump.svg");
        CliRun r = CliRun.of("export-svg", DUMP.toString(), out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Document doc = parse(out);
        CallTree tree = CallTree.of(dumpStacks());
        assertThat(frameCount(doc)).isEqualTo(FlameLayout.compute(tree, CallTree.ROOT, 1180, 0.1).count());
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1200.0");
        var texts = doc.getElementsByTagNameNS("*", "text");
        assertThat(texts.item(0).getTextContent()).isEqualTo("dump-debug2.txt — goroutine/count");
    }

    @Test
    void exportSvgAppliesTheTransformsInTheOrderGiven() throws Exception {
        Path out = dir.resolve("focused.svg");
        CliRun r = CliRun.of("export-svg", DUMP.toString(), out.toString(), "--focus", "^main\\.", "--hide",
                "^runtime\\.", "--drop", "leakSend", "--icicle", "--width", "900", "--minwidth", "0",
                "--title", "focused", "--search", "leak");
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = parse(out);
        CallTree tree = CallTree.of(dumpStacks(), List.of(
                StackTransform.focus(FunctionMatcher.regex("^main\\.")),
                StackTransform.hide(FunctionMatcher.regex("^runtime\\.")),
                StackTransform.drop(FunctionMatcher.regex("leakSend"))));
        assertThat(frameCount(doc)).isEqualTo(FlameLayout.compute(tree, CallTree.ROOT, 880, 0).count());
        String xml = Files.readString(out);
        assertThat(xml).contains("data-icicle=\"true\"", "main.leakRecv", "Matched: ").doesNotContain("main.leakSend")
                .doesNotContain("<title>runtime.");
    }

    @Test
    void exportFoldedRoundTripsTheWeights() throws Exception {
        Path out = dir.resolve("dump.folded");
        CliRun r = CliRun.of("export-folded", DUMP.toString(), out.toString());
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        long sum = 0;
        for (String line : lines) {
            assertThat(line).matches("[^ ;]+(;[^;]+)* \\d+");
            sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertThat(sum).isEqualTo(59);
        assertThat(lines).hasSize(CallTree.of(dumpStacks()).size() - countInner(CallTree.of(dumpStacks())));

        CliRun dropped = CliRun.of("export-folded", DUMP.toString(), "-", "--drop", "^time\\.Sleep$");
        long kept = dropped.out().lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(kept).isEqualTo(59 - 12);
        assertThat(dropped.out()).doesNotContain("time.Sleep");
    }

    /** Reads an exported file back with the importers and checks every path of {@code expected} kept its weight. */
    private static void assertReadsBackAs(Path exported, CallTree expected) throws Exception {
        var profiles = Importers.all().open(exported).profiles();
        assertThat(profiles).hasSize(1);
        var p = profiles.get(0);
        CallTree back = CallTree.of(p.weightedStacks(p.defaultSampleType()));
        assertThat(back.total(CallTree.ROOT)).isEqualTo(expected.total(CallTree.ROOT));
        assertThat(back.size()).isEqualTo(expected.size());
        for (int n = 1; n < expected.size(); n++) {
            int same = back.find(expected.pathOf(n));
            assertThat(back.pathOf(same)).isEqualTo(expected.pathOf(n));
            assertThat(back.total(same)).isEqualTo(expected.total(n));
        }
    }

    @Test
    void foldedAndSpeedscopeExportsReadBackAsTheSameTree() throws Exception {
        Path folded = dir.resolve("t.folded");
        Path speedscope = dir.resolve("t.json");
        String[] transforms = {"--hide", "^runtime\\.", "--drop", "Sleep"};
        assertThat(CliRun.of(concat(new String[] {"export-folded", DUMP.toString(), folded.toString()}, transforms))
                .code()).isZero();
        assertThat(CliRun.of(concat(new String[] {"export-speedscope", DUMP.toString(), speedscope.toString()},
                transforms)).code()).isZero();
        CallTree expected = CallTree.of(dumpStacks(), List.of(StackTransform.hide(FunctionMatcher.regex("^runtime\\.")),
                StackTransform.drop(FunctionMatcher.regex("Sleep"))));
        assertReadsBackAs(folded, expected);
        assertReadsBackAs(speedscope, expected);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Nodes no stack ends at (no line of their own in folded output). */
    private static int countInner(CallTree tree) {
        int n = 0;
        for (int i = 0; i < tree.size(); i++) {
            if (tree.self(i) == 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void exportSpeedscopeHasTheFileFormatsShape() throws Exception {
        Path out = dir.resolve("dump.speedscope.json");
        CliRun r = CliRun.of("export-speedscope", DUMP.toString(), out.toString(), "--isolate", "^main\\.");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        SpeedscopeWriterTest.assertSpeedscopeShape(root);
        JsonNode profile = root.get("profiles").get(0);
        assertThat(profile.get("name").asText()).isEqualTo("dump-debug2.txt — goroutine/count");
        assertThat(profile.get("unit").asText()).isEqualTo("none");
        long isolated = CallTree.of(dumpStacks(), List.of(StackTransform.isolate(FunctionMatcher.regex("^main\\."))))
                .total(CallTree.ROOT);
        assertThat(profile.get("endValue").asLong()).isEqualTo(isolated).isLessThan(59).isPositive();
    }

    @Test
    void anUnwritableOutputIsOneLineNamingIt() {
        String out = dir.resolve("no/such/dir/x.svg").toString();
        CliRun r = CliRun.of("export-svg", DUMP.toString(), out);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(out + ": cannot write: no such directory");
    }
}
