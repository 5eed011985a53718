package dev.mirror.superoffice;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/**
 * Hardened StAX factories. SOAP bodies come from the internet: DTDs (and with them external entities and
 * entity expansion, "billion laughs") are refused; readers additionally reject any DTD event they see.
 * See the OWASP XML External Entity Prevention Cheat Sheet (StAX section).
 */
final class SafeXml {
    private SafeXml() {
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // JDK-specific limits (JAXP secure processing); belt and braces if a DTD ever got through.
        setIfSupported(f, "jdk.xml.entityExpansionLimit", "0");
        setIfSupported(f, "jdk.xml.maxElementDepth", "64");
        return f;
    }

    static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }

    private static void setIfSupported(XMLInputFactory f, String property, String value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // not the JDK's built-in parser: the DTD refusal above still applies
        }
    }
}
