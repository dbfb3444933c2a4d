package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.folded.FoldedImporter;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Function names are data from the file, and files can be hostile: every export, written to a UTF-8 file as the
 * CLI does, must stay well-formed and keep the names as data. The SVG must parse with the JDK's XML parser, hold
 * no script but its own and no event-handler attribute, and show each name (with the characters XML cannot hold
 * replaced), its script and style being exactly the writer's own; the speedscope JSON must parse back with Jackson to the very same names; folded stacks must read
 * back with our importer, with the characters its line format cannot hold replaced.
 */
class HostileNamesTest {
    /** Hand-written: names built to break XML, scripts, JSON and line formats. */
    private static final List<String> NAMES = List.of(
            "<", "&", "\"", "'", ">", "]]>", "</script><script>alert(1)</script>", "<![CDATA[x]]>",
            "onload=alert(1)", "a\u0000b\u0007c\u001b[31md\u007f", "line\nbreak\rreturn\ttab",
            "lone high \ud800", "lone low \udc00 ", "pair \ud83d\udd25 ok", "\u2028\u2029", "\ufffe\uffff",
            "&amp;&#10;&lt;", "${x}{{y}}", "\\u0041\\", "main.(*T).<-chan", "semi;colon");

    @TempDir
    Path dir;

    private static WeightedStacks hostileStacks() {
        StackTable table = new StackTable();
        int[] stacks = new int[NAMES.size()];
        long[] weights = new long[NAMES.size()];
        int main = table.frames().intern("main.main", "<main>.go", 1);
        for (int i = 0; i < NAMES.size(); i++) {
            int leaf = table.frames().intern(NAMES.get(i), NAMES.get(i) + ".go", i + 1);
            stacks[i] = table.internRootFirst(new int[] {main, leaf}, 2);
            weights[i] = i + 1;
        }
        return new WeightedStacks(table, stacks, weights, "goroutines");
    }

    private Path exportTo(String file, Body body) throws IOException {
        Path out = dir.resolve(file);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            body.writeTo(w);
        }
        return out;
    }

    private interface Body {
        void writeTo(Writer w) throws IOException;
    }

    @Test
    void svgIsWellFormedAndNamesStayData() throws Exception {
        ViewState view = ViewState.DEFAULT.withSearch(Pattern.quote("</script>") + "|]]>");
        CallTree tree = view.treeOf(hostileStacks());
        Path svg = exportTo("hostile.svg", w -> SvgFlameGraphWriter.write(tree, view,
                new SvgOptions(1200, 0, "</script><script>alert('title')</script>]]>&"), w));

        SvgDocument doc = new SvgDocument(Files.readString(svg, StandardCharsets.UTF_8));

        NodeList scripts = doc.doc.getElementsByTagNameNS("*", "script");
        assertThat(scripts.getLength()).isEqualTo(1);
        assertThat(scripts.item(0).getTextContent()).isEqualTo(resource("flamegraph.js"));
        NodeList styles = doc.doc.getElementsByTagNameNS("*", "style");
        assertThat(styles.getLength()).isEqualTo(1);
        assertThat(styles.item(0).getTextContent()).isEqualTo(resource("flamegraph.css"));
        Set<String> elements = new HashSet<>();
        NodeList all = doc.doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            elements.add(e.getLocalName());
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String attribute = ((Attr) attributes.item(a)).getLocalName();
                assertThat(attribute).as("attribute of <%s>", e.getLocalName()).doesNotStartWithIgnoringCase("on");
            }
        }
        assertThat(elements).containsOnly("svg", "style", "script", "rect", "text", "g", "title");
        assertThat(doc.byId("title").getTextContent()).isEqualTo("</script><script>alert('title')</script>]]>&");
        assertThat(doc.doc.getDocumentElement().getAttribute("data-search")).isEqualTo(view.search());

        List<String> shown = new ArrayList<>();
        for (Element frame : doc.frames()) {
            shown.add(SvgDocument.child(frame, "title").getTextContent().split("\n")[0]);
        }
        for (String name : NAMES) {
            assertThat(shown).contains(xmlText(name));
        }
    }

    @Test
    void speedscopeJsonParsesBackToTheSameNames() throws Exception {
        CallTree tree = CallTree.of(hostileStacks());
        Path json = exportTo("hostile.speedscope.json", w -> SpeedscopeWriter.write(tree, "</script>\u0000\ud800", w));

        JsonNode root = new ObjectMapper().readTree(json.toFile());

        SpeedscopeWriterTest.assertSpeedscopeShape(root);
        List<String> names = new ArrayList<>();
        List<String> files = new ArrayList<>();
        root.get("shared").get("frames").forEach(f -> {
            names.add(f.get("name").asText());
            files.add(f.get("file").asText());
        });
        assertThat(names).containsAll(NAMES);
        for (String name : NAMES) {
            assertThat(files).contains(name + ".go");
        }
        assertThat(root.get("profiles").get(0).get("name").asText()).isEqualTo("</script>\u0000\ud800");
    }

    @Test
    void speedscopeJsonReadsBackThroughOurImporter() throws Exception {
        CallTree tree = CallTree.of(hostileStacks());
        Path json = exportTo("hostile.speedscope.json", w -> SpeedscopeWriter.write(tree, "hostile", w));

        Dataset back = Importers.all().open(json);

        List<String> names = new ArrayList<>();
        var frames = back.profiles().get(0).stacks().frames();
        for (int f = 0; f < frames.size(); f++) {
            names.add(frames.functionName(f));
        }
        assertThat(names).containsAll(NAMES);
    }

    @Test
    void foldedStacksReadBackWithWhatTheLineFormatCannotHoldReplaced() throws Exception {
        CallTree tree = CallTree.of(hostileStacks());
        Path folded = exportTo("hostile.folded", w -> FoldedWriter.write(tree, w));

        Dataset back = new FoldedImporter().read(Importers.fileSource(folded), Progress.NONE);

        var profile = back.profiles().get(0);
        List<String> stacks = new ArrayList<>();
        for (int s = 0; s < profile.sampleCount(); s++) {
            StringBuilder sb = new StringBuilder();
            for (int f : profile.stacks().framesRootFirst(profile.sampleStack()[s])) {
                sb.append(sb.length() == 0 ? "" : ";").append(profile.stacks().frames().functionName(f));
            }
            stacks.add(sb + " " + profile.values()[0][s]);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            expected.add("main.main;" + foldedText(NAMES.get(i)) + " " + (i + 1));
        }
        assertThat(stacks).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A name as XML text shows it: characters XML cannot hold become U+FFFD. */
    private static String xmlText(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair) {
                sb.append(c).append(name.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\ufffe'
                    || c == '\uffff') {
                sb.append('\ufffd');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A name as a folded line holds it: ';' and control characters become '_', a surrogate without its pair
     * (which UTF-8 cannot encode) becomes U+FFFD, and blanks ending a leaf run into the blank before the count.
     */
    private static String foldedText(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair) {
                sb.append(c).append(name.charAt(++i));
            } else if (c == ';' || c < 0x20 || c == 0x7f) {
                sb.append('_');
            } else if (Character.isSurrogate(c)) {
                sb.append('\ufffd');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().replaceAll(" +$", "");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SvgFlameGraphWriter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
