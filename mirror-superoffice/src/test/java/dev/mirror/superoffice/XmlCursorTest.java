package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/** {@link XmlCursor#text}: one text event, several (CDATA, escapes, long texts), empty, nil. */
class XmlCursorTest {
    private static List<String> texts(String children) throws XMLStreamException {
        String xml = "<r xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">" + children + "</r>";
        try (XmlCursor x = new XmlCursor(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            x.toRoot();
            List<String> out = new ArrayList<>();
            while (x.nextChild()) {
                out.add(x.text());
            }
            return out;
        }
    }

    @Test
    void textsOfOneOrManyEventsEmptyAndNil() throws XMLStreamException {
        String longText = "x".repeat(200_000) + "&amp;" + "y".repeat(100_000);
        List<String> t = texts("<v>plain</v><v>a&amp;b&lt;c</v><v>ab<![CDATA[c<d]]>e</v><v></v><v/><v i:nil=\"true\"/>"
                + "<v>" + longText + "</v>");
        assertThat(t.subList(0, 6)).containsExactly("plain", "a&b<c", "abc<de", "", "", null);
        assertThat(t.get(6)).hasSize(300_001).startsWith("xxx").endsWith("yyy").contains("x&y");
    }
}
