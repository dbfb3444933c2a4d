package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.flame.FramePalette;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgFlameGraphWriterTest {
    private static final SvgOptions OPTIONS = new SvgOptions(1000, 0.1, "Test");

    static String export(WeightedStacks input, ViewState view, SvgOptions options) throws IOException {
        StringWriter out = new StringWriter();
        SvgFlameGraphWriter.write(view.treeOf(input), view, options, out);
        return out.toString();
    }

    @Test
    void oneFramePerLayoutBoxWithTheLayoutsGeometry() throws Exception {
        CallTree tree = CallTree.of(TestStacks.server());
        FlameLayout layout = FlameLayout.compute(tree, CallTree.ROOT, 1000 - 2 * SvgFlameGraphWriter.PAD, 0.1);
        SvgDocument svg = new SvgDocument(export(TestStacks.server(), ViewState.DEFAULT, OPTIONS));
        List<Element> frames = svg.frames();
        assertThat(frames).hasSize(layout.count());
        for (int box = 0; box < layout.count(); box++) {
            Element f = frames.get(box);
            assertThat(SvgDocument.name(f)).isEqualTo(tree.name(layout.node(box)));
            assertThat(SvgDocument.attr(f, "rect", "x")).isCloseTo(layout.x(box) + 10, within(0.05));
            assertThat(SvgDocument.attr(f, "rect", "width")).isCloseTo(layout.width(box), within(0.05));
        }
        assertThat(svg.doc.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(layout.count() + 1);
    }

    @Test
    void widthsAreProportionalToWeightAndTitlesGiveWeightShareAndPlace() throws Exception {
        SvgDocument svg = new SvgDocument(export(TestStacks.server(), ViewState.DEFAULT, OPTIONS));
        Element worker = frameNamed(svg, "main.worker");
        assertThat(SvgDocument.attr(worker, "rect", "width")).isCloseTo(980 * 44 / 100.0, within(0.05));
        assertThat(SvgDocument.child(worker, "title").getTextContent())
                .isEqualTo("main.worker\nsrc/main.worker.go:11\n44 goroutines (44.00%)");
        Element root = frameNamed(svg, "all");
        assertThat(SvgDocument.child(root, "title").getTextContent()).isEqualTo("all\n100 goroutines (100.00%)");
    }

    @Test
    void flameHasTheRootAtTheBottomAndIcicleAtTheTop() throws Exception {
        SvgDocument flame = new SvgDocument(export(TestStacks.server(), ViewState.DEFAULT, OPTIONS));
        SvgDocument icicle = new SvgDocument(export(TestStacks.server(), ViewState.DEFAULT.withIcicle(true), OPTIONS));
        double rootFlame = SvgDocument.attr(frameNamed(flame, "all"), "rect", "y");
        double rootIcicle = SvgDocument.attr(frameNamed(icicle, "all"), "rect", "y");
        assertThat(rootIcicle).isEqualTo(SvgDocument.attr(frameNamed(icicle, "runtime.goexit"), "rect", "y") - 16);
        assertThat(rootFlame).isEqualTo(SvgDocument.attr(frameNamed(flame, "runtime.goexit"), "rect", "y") + 16);
        assertThat(flame.doc.getDocumentElement().getAttribute("data-icicle")).isEqualTo("false");
        assertThat(icicle.doc.getDocumentElement().getAttribute("data-icicle")).isEqualTo("true");
    }

    @Test
    void zoomedViewHoldsOnlyTheZoomedSubtreeAndItsAncestors() throws Exception {
        ViewState view = ViewState.DEFAULT.withZoom(List.of("runtime.goexit", "net/http.(*conn).serve"));
        SvgDocument svg = new SvgDocument(export(TestStacks.server(), view, OPTIONS));
        List<String> names = svg.frames().stream().map(SvgDocument::name).collect(Collectors.toList());
        assertThat(names).containsExactly("all", "runtime.goexit", "net/http.(*conn).serve", "main.handler",
                "main.query", "database/sql.(*DB).Query", "main.render", "html/template.(*Template).Execute",
                "runtime.gopark");
        assertThat(svg.byId("frames").getAttribute("data-zoom")).isEqualTo("2");
        Element serve = svg.frames().get(2);
        assertThat(SvgDocument.attr(serve, "rect", "width")).isEqualTo(980);
        assertThat(svg.frames().get(1).getAttribute("class")).isEqualTo("a");
        assertThat(serve.getAttribute("class")).isEmpty();
        assertThat(SvgDocument.attr(frameNamed(svg, "main.query"), "rect", "width"))
                .isCloseTo(980 * 30 / 55.0, within(0.05));
        assertThat(svg.byId("subtitle").getTextContent()).contains("zoomed into net/http.(*conn).serve");
    }

    @Test
    void transformedViewDrawsTheTransformedTreeAndNamesTheTransforms() throws Exception {
        ViewState view = ViewState.DEFAULT
                .withTransform(StackTransform.hide(FunctionMatcher.regex("^runtime\\.")))
                .withTransform(StackTransform.drop(FunctionMatcher.regex("tick")));
        SvgDocument svg = new SvgDocument(export(TestStacks.server(), view, OPTIONS));
        List<String> names = svg.frames().stream().map(SvgDocument::name).collect(Collectors.toList());
        assertThat(names).noneMatch(n -> n.startsWith("runtime.")).doesNotContain("main.tick");
        assertThat(SvgDocument.child(frameNamed(svg, "all"), "title").getTextContent()).endsWith("99 goroutines (100.00%)");
        assertThat(svg.byId("subtitle").getTextContent()).isEqualTo("99 goroutines  ·  Hide /^runtime\\./  ·  Drop /tick/");
    }

    @Test
    void searchHighlightsMatchesAndReportsTheMatchedShare() throws Exception {
        ViewState view = ViewState.DEFAULT.withSearch("gopark|query");
        SvgDocument svg = new SvgDocument(export(TestStacks.server(), view, OPTIONS));
        CallTree tree = CallTree.of(TestStacks.server());
        double percent = CallTreeSearch.run(tree, Pattern.compile("gopark|query"), CallTree.ROOT).percent();
        assertThat(percent).isCloseTo(79.0, within(1e-9));
        assertThat(svg.byId("matched").getTextContent()).isEqualTo("Matched: 79.0%");
        assertThat(svg.byId("search").getTextContent()).isEqualTo("Reset Search");
        assertThat(svg.doc.getDocumentElement().getAttribute("data-search")).isEqualTo("gopark|query");
        String match = String.format("#%06x", FramePalette.matchColor());
        for (Element f : svg.frames()) {
            Element rect = SvgDocument.child(f, "rect");
            boolean hit = SvgDocument.name(f).matches(".*(gopark|query).*");
            assertThat(rect.getAttribute("fill")).isEqualTo(hit ? match
                    : String.format("#%06x", SvgDocument.name(f).equals("all") ? FramePalette.rootColor()
                    : FramePalette.colorOf(SvgDocument.name(f))));
            assertThat(rect.getAttribute("data-fill")).isEqualTo(hit
                    ? String.format("#%06x", FramePalette.colorOf(SvgDocument.name(f))) : "");
        }
    }

    @Test
    void framesUnderTheMinimumWidthAreLeftOut() throws Exception {
        WeightedStacks in = TestStacks.of("main;big", 100_000, "main;tiny", 1);
        SvgDocument svg = new SvgDocument(export(in, ViewState.DEFAULT, new SvgOptions(1000, 0.1, null)));
        assertThat(svg.frames()).extracting(SvgDocument::name).containsExactly("all", "main", "big");
        SvgDocument all = new SvgDocument(export(in, ViewState.DEFAULT, new SvgOptions(1000, 0, null)));
        assertThat(all.frames()).extracting(SvgDocument::name).contains("tiny");
        assertThat(svg.byId("title").getTextContent()).isEqualTo("Flame Graph");
    }

    @Test
    void labelsAreShortNamesCutToFitWithTwoDots() throws Exception {
        WeightedStacks in = TestStacks.of(
                "github.com/acme/shop/internal/orders.(*Service).PlaceOrderWithRetries", 1,
                "github.com/acme/shop/internal/orders.(*Service).Cancel", 60);
        SvgDocument svg = new SvgDocument(export(in, ViewState.DEFAULT, new SvgOptions(600, 0.1, null)));
        Element cut = frameNamed(svg, "github.com/acme/shop/internal/orders.(*Service).PlaceOrderWithRetries");
        assertThat(SvgDocument.child(cut, "text")).as("a 9.5 px frame has no label").isNull();
        Element whole = frameNamed(svg, "github.com/acme/shop/internal/orders.(*Service).Cancel");
        assertThat(SvgDocument.child(whole, "text").getTextContent()).isEqualTo("orders.(*Service).Cancel");
        SvgDocument narrow = new SvgDocument(export(TestStacks.of(
                "github.com/acme/shop/internal/orders.(*Service).PlaceOrderWithRetries", 1, "x", 3),
                ViewState.DEFAULT, new SvgOptions(600, 0.1, null)));
        Element text = SvgDocument.child(frameNamed(narrow,
                "github.com/acme/shop/internal/orders.(*Service).PlaceOrderWithRetries"), "text");
        assertThat(text.getTextContent()).startsWith("orders.(*Service).").endsWith("..");
        for (Element f : narrow.frames()) {
            Element t = SvgDocument.child(f, "text");
            if (t != null) {
                double width = SvgDocument.attr(f, "rect", "width");
                assertThat(t.getTextContent().length() * SvgFlameGraphWriter.CHAR_WIDTH).isLessThanOrEqualTo(width - 6);
            }
        }
    }

    /** Hand-made input for the escaping rule: names no Go symbol has, to prove nothing reaches the markup raw. */
    @Test
    void hostileNamesAreEscapedAndNeverReachTheScript() throws Exception {
        String evil = "main.<&\"]]></script>'\u0001x\uD800";
        WeightedStacks in = TestStacks.of("main;" + evil, 5, "main;ok", 5);
        String xml = export(in, ViewState.DEFAULT.withSearch("<&"), new SvgOptions(1000, 0.1, "a <b> & \"c\" ]]>"));
        SvgDocument svg = new SvgDocument(xml);
        Element f = frameNamed(svg, "main.<&\"]]></script>'\uFFFDx\uFFFD");
        assertThat(SvgDocument.child(f, "title").getTextContent()).contains("src/main.<&\"]]><_script>'\uFFFDx\uFFFD.go:11");
        assertThat(svg.byId("title").getTextContent()).isEqualTo("a <b> & \"c\" ]]>");
        assertThat(svg.doc.getDocumentElement().getAttribute("data-search")).isEqualTo("<&");
        assertThat(xml.split("</script>", -1)).hasSize(2);
        Element script = (Element) svg.doc.getElementsByTagNameNS("*", "script").item(0);
        assertThat(script.getTextContent()).isEqualTo(resource("flamegraph.js"));
        assertThat(xml).doesNotContain("\u0001");
    }

    @Test
    void exportsAnEmptyTreeAsTheRootAlone() throws Exception {
        WeightedStacks none = TestStacks.of("main", 0);
        SvgDocument svg = new SvgDocument(export(none, ViewState.DEFAULT, OPTIONS));
        assertThat(svg.frames()).extracting(SvgDocument::name).containsExactly("all");
    }

    private static Element frameNamed(SvgDocument svg, String name) {
        return svg.frames().stream().filter(f -> SvgDocument.name(f).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no frame " + name));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SvgFlameGraphWriter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
