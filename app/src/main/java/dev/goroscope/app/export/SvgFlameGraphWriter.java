package dev.goroscope.app.export;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.CallTreeSearch;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.flame.FlameLayout;
import dev.goroscope.model.flame.FramePalette;
import dev.goroscope.model.stack.GoFunctionName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Writes a flame graph as a standalone interactive SVG: exactly the given view (its zoom, orientation and search),
 * laid out by {@link FlameLayout} like the screen and coloured by {@link FramePalette}. In a browser a click on a
 * frame zooms into it, "Reset Zoom" goes back, "Search" (or Ctrl-F) highlights functions matching a regular
 * expression and shows the matched share; every frame has a tooltip with its function, file:line, weight and share.
 * Frames narrower than the minimum width are left out; labels are shortened to fit. All data goes into element
 * text and attributes, escaped; the script reads it from the document, so nothing from the data is in script text.
 */
public final class SvgFlameGraphWriter {
    static final int FRAME_HEIGHT = 16;
    static final int FONT_SIZE = 12;
    static final double CHAR_WIDTH = FONT_SIZE * 0.59;
    static final int PAD = 10;
    static final int TOP = 44;
    static final int BOTTOM = 26;
    private static final int FLUSH_AT = 32 * 1024;
    private static final String CSS = resource("flamegraph.css");
    private static final String SCRIPT = resource("flamegraph.js");

    private final CallTree tree;
    private final ViewState view;
    private final SvgOptions options;
    private final Writer out;
    private final FlameLayout layout;
    private final CallTreeSearch search;
    private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
    private final char[] chunk = new char[FLUSH_AT + 4096];
    private final String[] escapedName;
    private final String[] fill;
    private final String[] shortName;
    private final String[] escapedPlace;

    private SvgFlameGraphWriter(CallTree tree, ViewState view, SvgOptions options, Writer out) {
        this.tree = tree;
        this.view = view;
        this.options = options;
        this.out = out;
        int zoom = tree.find(view.zoomPath());
        this.layout = FlameLayout.compute(tree, zoom, options.width() - 2 * PAD, options.minWidth());
        this.search = view.search().isEmpty() ? null : CallTreeSearch.run(tree, Pattern.compile(view.search()), zoom);
        int names = tree.frames().strings().size();
        this.escapedName = new String[names];
        this.fill = new String[names];
        this.shortName = new String[names];
        this.escapedPlace = new String[tree.frames().size()];
    }

    /**
     * Writes {@code tree} as {@code view} shows it: {@code tree} is the view's tree ({@code view.treeOf(input)});
     * the zoom is {@code tree.find(view.zoomPath())}, the search {@code view.search()} (a regular expression; an
     * invalid one throws {@link java.util.regex.PatternSyntaxException}). Flushes {@code out} but leaves it open.
     */
    public static void write(CallTree tree, ViewState view, SvgOptions options, Writer out) throws IOException {
        new SvgFlameGraphWriter(tree, view, options, out).write();
    }

    private void write() throws IOException {
        int rows = Math.max(1, layout.rows());
        double width = options.width();
        double height = TOP + rows * FRAME_HEIGHT + BOTTOM;
        header(width, height);
        sb.append("<g id=\"frames\" data-zoom=\"").append(layout.boxOf(layout.zoom())).append("\">\n");
        long rootTotal = tree.total(CallTree.ROOT);
        for (int box = 0; box < layout.count(); box++) {
            int row = layout.row(box);
            int y = TOP + (view.icicle() ? row : rows - 1 - row) * FRAME_HEIGHT;
            frame(box, y, rootTotal);
            if (sb.length() >= FLUSH_AT) {
                flush();
            }
        }
        sb.append("</g>\n</svg>\n");
        flush();
        out.flush();
    }

    private void header(double width, double height) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        Decimals.append(sb, width, 1).append("\" height=\"");
        Decimals.append(sb, height, 1).append("\" viewBox=\"0 0 ");
        Decimals.append(sb, width, 1).append(' ');
        Decimals.append(sb, height, 1).append("\" data-icicle=\"").append(view.icicle())
                .append("\" data-pad=\"").append(PAD).append("\" data-font=\"").append(FONT_SIZE)
                .append("\" data-match=\"").append(hex(FramePalette.matchColor())).append("\" data-search=\"");
        Xml.escape(sb, view.search());
        sb.append("\">\n<style type=\"text/css\">");
        Xml.cdata(sb, CSS);
        sb.append("</style>\n<script type=\"text/ecmascript\">");
        Xml.cdata(sb, SCRIPT);
        sb.append("</script>\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f6f6f3\"/>\n");
        double mid = width / 2;
        text("title", mid, 20, "middle", options.titleOrDefault());
        text("subtitle", mid, 36, "middle", subtitle());
        sb.append("<text id=\"reset\" class=\"hide\" x=\"").append(PAD).append("\" y=\"20\">Reset Zoom</text>\n");
        text("search", width - PAD, 20, "end", search == null ? "Search" : "Reset Search");
        text("details", PAD, height - 8, null, " ");
        String matched = " ";
        if (search != null) {
            StringBuilder m = new StringBuilder("Matched: ");
            matched = Decimals.append(m, search.percent(), 1).append('%').toString();
        }
        text("matched", width - PAD, height - 8, "end", matched);
    }

    /** What the view shows: total weight, transforms and zoom. */
    private String subtitle() {
        StringBuilder s = new StringBuilder();
        Quantities.append(s, tree.total(CallTree.ROOT), tree.input().unit());
        for (StackTransform t : view.transforms()) {
            s.append("  ·  ").append(t);
        }
        if (layout.zoom() != CallTree.ROOT) {
            s.append("  ·  zoomed into ").append(tree.name(layout.zoom()));
        }
        return s.toString();
    }

    private void text(String id, double x, double y, String anchor, String content) {
        sb.append("<text id=\"").append(id).append("\" x=\"");
        Decimals.append(sb, x, 1).append("\" y=\"");
        Decimals.append(sb, y, 1).append('"');
        if (anchor != null) {
            sb.append(" text-anchor=\"").append(anchor).append('"');
        }
        sb.append('>');
        Xml.escape(sb, content);
        sb.append("</text>\n");
    }

    private void frame(int box, int y, long rootTotal) {
        int node = layout.node(box);
        int fn = tree.function(node);
        double x = Decimals.round1(PAD + layout.x(box));
        double w = Decimals.round1(layout.width(box));
        sb.append(layout.isAncestor(box) ? "<g class=\"a\"><title>" : "<g><title>");
        sb.append(escapedName(node, fn));
        sb.append(escapedPlace(tree.frame(node)));
        long total = tree.total(node);
        Quantities.append(sb, total, tree.input().unit()).append(" (");
        Decimals.append(sb, rootTotal == 0 ? 0 : 100.0 * total / rootTotal, 2).append("%)</title><rect x=\"");
        Decimals.append(sb, x, 1).append("\" y=\"").append(y).append("\" width=\"");
        Decimals.append(sb, w, 1).append("\" height=\"").append(FRAME_HEIGHT - 1).append("\" rx=\"2\" fill=\"");
        String color = fill(node, fn);
        if (search != null && search.matched()[node]) {
            sb.append(hex(FramePalette.matchColor())).append("\" data-fill=\"");
        }
        sb.append(color).append("\"/>");
        String label = label(node, fn, w);
        if (!label.isEmpty()) {
            sb.append("<text x=\"");
            Decimals.append(sb, x + 3, 1).append("\" y=\"").append(y + 12).append("\">");
            Xml.escape(sb, label);
            sb.append("</text>");
        }
        sb.append("</g>\n");
    }

    private String escapedName(int node, int fn) {
        if (node == CallTree.ROOT) {
            return tree.name(node);
        }
        String e = escapedName[fn];
        if (e == null) {
            StringBuilder s = new StringBuilder();
            Xml.escape(s, tree.name(node));
            e = s.toString();
            escapedName[fn] = e;
        }
        return e;
    }

    /** The title lines after the name: "&#10;file:line" when the frame has a file, then "&#10;". */
    private String escapedPlace(int frame) {
        if (frame < 0) {
            return "&#10;";
        }
        String e = escapedPlace[frame];
        if (e == null) {
            StringBuilder s = new StringBuilder();
            String file = tree.frames().fileName(frame);
            if (!file.isEmpty()) {
                s.append("&#10;");
                Xml.escape(s, file);
                s.append(':').append(tree.frames().line(frame));
            }
            e = s.append("&#10;").toString();
            escapedPlace[frame] = e;
        }
        return e;
    }

    private String fill(int node, int fn) {
        if (node == CallTree.ROOT) {
            return hex(FramePalette.rootColor());
        }
        String f = fill[fn];
        if (f == null) {
            f = hex(FramePalette.colorOf(tree.name(node)));
            fill[fn] = f;
        }
        return f;
    }

    /** The label that fits {@code w} pixels by the same estimate the script uses: shortened with "..", or none. */
    private String label(int node, int fn, double w) {
        int chars = (int) Math.floor((w - 6) / CHAR_WIDTH);
        if (chars < 3) {
            return "";
        }
        String s;
        if (node == CallTree.ROOT) {
            s = tree.name(node);
        } else {
            s = shortName[fn];
            if (s == null) {
                s = GoFunctionName.shortName(tree.name(node));
                shortName[fn] = s;
            }
        }
        return s.length() <= chars ? s : s.substring(0, chars - 2) + "..";
    }

    private void flush() throws IOException {
        int n = sb.length();
        char[] buf = n <= chunk.length ? chunk : new char[n];
        sb.getChars(0, n, buf, 0);
        out.write(buf, 0, n);
        sb.setLength(0);
    }

    private static String hex(int rgb) {
        String h = Integer.toHexString(rgb & 0xFFFFFF);
        return "#000000".substring(0, 7 - h.length()) + h;
    }

    private static String resource(String name) {
        try (InputStream in = SvgFlameGraphWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
