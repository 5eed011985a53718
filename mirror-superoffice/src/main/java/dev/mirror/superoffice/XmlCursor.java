package dev.mirror.superoffice;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A thin pull helper over a hardened {@link XMLStreamReader} ({@link SafeXml}): move to the next child element, read
 * an element's text (null for {@code i:nil="true"}), skip an element. Any DTD or entity reference is refused.
 */
final class XmlCursor implements AutoCloseable {
    /** The longest text one element may have (a value, a token, a type), in characters. */
    private static final int MAX_TEXT = SafeXml.MAX_TEXT_CHARS;

    private final XMLStreamReader reader;

    XmlCursor(InputStream in) throws XMLStreamException {
        this.reader = SafeXml.inputFactory().createXMLStreamReader(in);
    }

    XMLStreamReader reader() {
        return reader;
    }

    /**
     * Advances to the next child start element of the current element, or returns false at the current
     * element's end tag (the reader is then on that end tag).
     */
    boolean nextChild() throws XMLStreamException {
        while (reader.hasNext()) {
            int ev = reader.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.DTD:
                    throw new XMLStreamException("DTDs are not allowed in SOAP messages");
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new XMLStreamException("entity references are not allowed in SOAP messages");
                default:
                    break;
            }
        }
        throw new XMLStreamException("unexpected end of document");
    }

    /** Moves to the document's root element. */
    void toRoot() throws XMLStreamException {
        while (reader.hasNext()) {
            int ev = reader.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (ev == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DTDs are not allowed in SOAP messages");
            }
        }
        throw new XMLStreamException("the request has no XML root element");
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** The text of the current (start) element; null when it is {@code i:nil="true"}. Leaves the reader on its end tag. */
    String text() throws XMLStreamException {
        // Most values carry no attribute: skip the attribute lookup for them (profiled: it was a visible share per value).
        boolean nil = reader.getAttributeCount() != 0 && "true".equals(reader.getAttributeValue(Soap.XSI_NS, "nil"));
        // Most values arrive as one text event: keep that String as is, and copy into a builder only from a second one
        // (the parser splits long texts and entity-escaped characters into several events).
        String first = null;
        StringBuilder b = null;
        while (reader.hasNext()) {
            int ev = reader.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String t = reader.getText();
                    if (first == null) {
                        first = t;
                    } else {
                        if (b == null) {
                            b = new StringBuilder(first);
                        }
                        b.append(t);
                    }
                    if ((b != null ? b.length() : first.length()) > MAX_TEXT) {
                        throw new XMLStreamException("an element's text is longer than " + MAX_TEXT + " characters");
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> throw new ElementInText(reader.getLocalName());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity references are not allowed in SOAP messages");
                case XMLStreamConstants.END_ELEMENT -> {
                    return nil ? null : b != null ? b.toString() : first != null ? first : "";
                }
                default -> { }
            }
        }
        throw new XMLStreamException("unexpected end of document");
    }

    /** Skips the current element and its content; leaves the reader on its end tag. */
    void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int ev = reader.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity references are not allowed in SOAP messages");
            }
        }
    }

    /** {@link #text} met a child element. */
    static final class ElementInText extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        ElementInText(String child) {
            super("element <" + child + "> is not expected inside a text element");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the reader itself
        }
    }
}
