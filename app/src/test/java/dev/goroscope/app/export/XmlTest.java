package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        Xml.escape(sb, s);
        return sb.toString();
    }

    @Test
    void escapesTheFiveMarkupCharacters() {
        assertThat(escape("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
        assertThat(escape("main.(*T).Run[...]")).isEqualTo("main.(*T).Run[...]");
    }

    @Test
    void replacesWhatXmlCannotHold() {
        assertThat(escape("a\u0000b\tc\nd\u007f\u0085e\uFFFE\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD\uFFFDe\uFFFD\uFFFD");
        assertThat(escape("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(escape("\uD83D\uDD25 é 世")).isEqualTo("\uD83D\uDD25 é 世");
    }

    @Test
    void cdataSplitsAnEndMarkerAcrossTwoSections() {
        StringBuilder sb = new StringBuilder();
        Xml.cdata(sb, "if (a[b[0]]>1) {}");
        assertThat(sb).hasToString("<![CDATA[if (a[b[0]]]]><![CDATA[>1) {}]]>");
    }
}
