package dev.goroscope.app.export;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** An exported SVG parsed back with the JDK's XML parser (which fails on anything not well-formed). */
final class SvgDocument {
    final Document doc;

    SvgDocument(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The frame groups: children of {@code <g id="frames">}, in document order. */
    List<Element> frames() {
        List<Element> out = new ArrayList<>();
        for (Node n = byId("frames").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    Element byId(String id) {
        var all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    static Element child(Element parent, String tag) {
        var list = parent.getElementsByTagNameNS("*", tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** The function name of a frame group: the first line of its title. */
    static String name(Element frame) {
        String title = child(frame, "title").getTextContent();
        int nl = title.indexOf('\n');
        return nl < 0 ? title : title.substring(0, nl);
    }

    static double attr(Element frame, String tag, String attribute) {
        return Double.parseDouble(child(frame, tag).getAttribute(attribute));
    }
}
