package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * {@link SafeXml}'s Woodstox factory on its own: each limit it sets is hit one past its value (and Woodstox's message
 * for it is still the one {@link SafeXml#limitExceeded} recognises), DTDs and entities are never expanded, and the
 * factory is Woodstox by class, shared, without touching what the rest of the JVM gets.
 */
class HardenedParserTest {
    @Test
    void theFactoryIsWoodstoxConfiguredOnceAndTheJvmDefaultIsUntouched() {
        assertThat(SafeXml.inputFactory()).isInstanceOf(WstxInputFactory.class).isSameAs(SafeXml.inputFactory());
        assertThat(System.getProperty(XMLInputFactory.class.getName())).isNull();
        assertThat(XMLInputFactory.newDefaultFactory()).isNotInstanceOf(WstxInputFactory.class);
        XMLInputFactory f = SafeXml.inputFactory();
        assertThat(f.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(f.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(f.getProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES)).isEqualTo(false);
        // no entity is ever expanded, so these cannot be hit through the endpoint: they are checked as set
        assertThat(((Number) f.getProperty(WstxInputProperties.P_MAX_ENTITY_COUNT)).longValue()).isEqualTo(1);
        assertThat(((Number) f.getProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH)).intValue()).isEqualTo(1);
        assertThat(((Number) f.getProperty(WstxInputProperties.P_MAX_DTD_DEPTH)).intValue()).isEqualTo(1);
    }

    @Test
    void nestingIsLimitedTo64Levels() throws XMLStreamException {
        read("<n>".repeat(64) + "</n>".repeat(64));
        assertLimit("<n>".repeat(65) + "</n>".repeat(65), "elements are nested deeper than 64 levels");
    }

    @Test
    void attributesAndNamespaceDeclarationsAreLimitedTo64PerElement() throws XMLStreamException {
        read("<n xmlns:p=\"urn:p\"" + attributes(64, 1) + "/>");
        read("<n" + namespaces(64) + "/>");
        assertLimit("<n" + attributes(65, 1) + "/>", "an element has more than 64 attributes or 64 namespace declarations");
        assertLimit("<n" + namespaces(65) + "/>", "an element has more than 64 attributes or 64 namespace declarations");
    }

    private static String namespaces(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(" xmlns:p").append(i).append("=\"urn:").append(i).append('"');
        }
        return b.toString();
    }

    @Test
    void attributeValuesAreLimitedTo8192Characters() throws XMLStreamException {
        read("<n" + attributes(1, 8192) + "/>");
        assertLimit("<n" + attributes(1, 8193) + "/>", "an attribute value is longer than 8192 characters");
        assertLimit("<n xmlns:p=\"urn:" + "p".repeat(8190) + "\"/>", "an attribute value is longer than 8192 characters");
    }

    @Test
    void aTextIsLimitedTo32MCharactersEvenWhereNoOneReadsIt() {
        // streamed, never held as a String: what XmlCursor.skip() would pass over without its own text limit
        byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream("<n>".getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 32; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        parts.add(new ByteArrayInputStream("x</n>".getBytes(StandardCharsets.US_ASCII)));
        InputStream in = new SequenceInputStream(Collections.enumeration(parts));
        assertThatThrownBy(() -> {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext()) {
                r.next();
            }
        }).isInstanceOfSatisfying(XMLStreamException.class, e -> assertThat(SafeXml.limitExceeded(e))
                .isEqualTo("a text is longer than 33554432 characters"));
    }

    @Test
    void entitiesAreReportedNeverExpandedAndTheCursorRefusesThem() throws XMLStreamException {
        assertThat(events("<n>&foo;</n>")).contains(XMLStreamConstants.ENTITY_REFERENCE).doesNotContain(XMLStreamConstants.CHARACTERS);
        assertThatThrownBy(() -> cursorText("<n>&foo;</n>")).hasMessageContaining("entity references are not allowed");
        // the predefined entities and character references are not entities in this sense: they always work
        assertThat(cursorText("<n>a&amp;b&lt;&#65;&#x42;</n>")).isEqualTo("a&b<AB");
    }

    @Test
    void aDoctypeIsSkippedUnreadAndRefusedByTheCursor() throws XMLStreamException {
        String doc = "<!DOCTYPE n [<!ENTITY e \"EXPANDED\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]><n>&e;&x;</n>";
        List<Integer> events = events(doc);
        assertThat(events).contains(XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE).doesNotContain(XMLStreamConstants.CHARACTERS);
        assertThatThrownBy(() -> cursorText(doc)).hasMessageContaining("DTDs are not allowed");
    }

    private static String attributes(int count, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(" a").append(i).append("=\"").append("v".repeat(length)).append('"');
        }
        return b.toString();
    }

    private static void assertLimit(String xml, String reason) {
        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(XMLStreamException.class,
                e -> assertThat(SafeXml.limitExceeded(e)).startsWith(reason));
    }

    private static void read(String xml) throws XMLStreamException {
        events(xml);
    }

    private static List<Integer> events(String xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<Integer> events = new java.util.ArrayList<>();
        while (r.hasNext()) {
            events.add(r.next());
        }
        r.close();
        return events;
    }

    private static String cursorText(String xml) throws XMLStreamException {
        try (XmlCursor x = new XmlCursor(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            x.toRoot();
            return x.text();
        }
    }
}
