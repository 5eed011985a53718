package dev.mirror.superoffice;

import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A namespace-aware canonical form of an XML document for comparisons: each element as {ns}name, its
 * attributes (namespace declarations and prefixes ignored), and its trimmed text, except the text of
 * elements whose local name is in {@code ignoreValues} (values that must differ, e.g. a signature).
 */
final class XmlShape {
    private XmlShape() {
    }

    static List<String> of(String xml, Set<String> ignoreValues) {
        List<String> out = new ArrayList<>();
        walk(SuperOfficeSimulator.parse(xml).getDocumentElement(), ignoreValues, out, "");
        return out;
    }

    private static void walk(Element e, Set<String> ignore, List<String> out, String indent) {
        StringBuilder b = new StringBuilder(indent).append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName());
        NamedNodeMap attrs = e.getAttributes();
        List<String> as = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                as.add("@{" + a.getNamespaceURI() + "}" + a.getLocalName() + "=" + a.getValue());
            }
        }
        as.sort(null);
        as.forEach(a -> b.append(' ').append(a));
        StringBuilder text = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
            }
        }
        if (!text.toString().isBlank()) {
            b.append(" = ").append(ignore.contains(e.getLocalName()) ? "<ignored>" : text.toString().strip());
        }
        out.add(b.toString());
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                walk(ce, ignore, out, indent + "  ");
            }
        }
    }
}
