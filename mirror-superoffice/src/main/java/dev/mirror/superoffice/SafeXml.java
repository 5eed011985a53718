package dev.mirror.superoffice;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Hardened StAX input on Woodstox. SOAP bodies come from the internet: DTDs (and with them external entities and
 * entity expansion, "billion laughs") are refused, and readers additionally reject any DTD or entity reference event
 * they see (see {@link XmlCursor}); see the OWASP XML External Entity Prevention Cheat Sheet (StAX section). Woodstox's
 * own limits bound everything else a request could make the parser hold. The request size limit
 * ({@code maxRequestBytes}, {@link LimitedInputStream}) bounds the element count and the document's characters.
 *
 * <p>Woodstox is instantiated by class, not through {@code XMLInputFactory.newFactory()}'s discovery: the endpoint gets
 * it whatever else is on the class path, and nothing here sets a system property. It parses RowData requests about 1.4
 * to 1.5 times as fast as the JDK's built-in parser (BENCHMARKS.md, benchmark 6, follow-up {@code wt-stax}). The factory
 * is configured once; a configured Woodstox factory is thread-safe for creating readers.
 */
final class SafeXml {
    /** The deepest element nesting accepted; a SOAP RowData request is 9 levels deep. */
    static final int MAX_DEPTH = 64;
    /** The most attributes one element may carry, and separately its most namespace declarations; SuperOffice sends 3. */
    static final int MAX_ATTRIBUTES = 64;
    /** The longest attribute value (a namespace URI, {@code i:nil}, {@code mustUnderstand}), in characters. */
    static final int MAX_ATTRIBUTE_CHARS = 8 * 1024;
    /** The longest text the parser assembles in one piece, in characters ({@link XmlCursor} bounds a whole value too). */
    static final int MAX_TEXT_CHARS = 32 * 1024 * 1024;

    private static final XMLInputFactory INPUT = newInputFactory();

    private SafeXml() {
    }

    /** The shared, hardened input factory. */
    static XMLInputFactory inputFactory() {
        return INPUT;
    }

    static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /**
     * What went wrong when {@code e} is one of Woodstox's limits, in words fit for the client (no parser internals), or
     * null for any other error. Woodstox reports its limits as plain {@link XMLStreamException}s whose message names
     * the limit; {@code HardenedParserTest} pins these messages, so a Woodstox upgrade that rewords them fails the build.
     */
    static String limitExceeded(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return null;
        }
        if (m.startsWith("Maximum Element Depth limit")) {
            return "elements are nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.startsWith("Attribute limit")) {
            return "an element has more than " + MAX_ATTRIBUTES + " attributes or " + MAX_ATTRIBUTES + " namespace declarations";
        }
        if (m.startsWith("Maximum attribute size limit")) {
            return "an attribute value is longer than " + MAX_ATTRIBUTE_CHARS + " characters";
        }
        if (m.startsWith("Text size limit")) {
            return "a text is longer than " + MAX_TEXT_CHARS + " characters";
        }
        if (m.startsWith("Maximum entity expansion")) {
            return "entity references are not allowed";
        }
        return null;
    }

    private static XMLInputFactory newInputFactory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_CHARS);
        // No entity is ever expanded (no DTD, no replacement); should one be, stop at the first. Woodstox's minimum is 1.
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        f.setProperty(WstxInputProperties.P_MAX_DTD_DEPTH, 1);
        return f;
    }
}
