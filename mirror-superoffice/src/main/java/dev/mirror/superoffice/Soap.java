package dev.mirror.superoffice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Names of IMirroringClientService (from its WSDL) and the writer of its responses. Responses have the
 * shape SuperOffice's WCF client receives from the reference implementation (see the captured
 * {@code *Response.xml}): the response element in the service namespace as default namespace,
 * {@code IsSuccessful}, {@code ErrorMessage} (empty on success), then the operation's own members.
 */
public final class Soap {
    public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SERVICE_NS = "http://www.superoffice.com/online/mirroring/0.1";
    public static final String CONTRACT_NS = "http://schemas.datacontract.org/2004/07/SuperOffice.Online.Mirroring.Contract.V1";
    public static final String ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String ACTION_PREFIX = SERVICE_NS + "/IMirroringClientService/";

    private Soap() {
    }

    /** The five operations, by SOAPAction suffix. */
    public enum Operation {
        Authenticate, TableSchema, RowData, Wipe, ReplicationCompleted;

        public String action() {
            return ACTION_PREFIX + name();
        }

        public String requestElement() {
            return name() + "Request";
        }

        public String responseElement() {
            return name() + "Response";
        }

        /** The operation a SOAPAction header names (quotes allowed), or null. */
        public static Operation fromAction(String soapAction) {
            if (soapAction == null) {
                return null;
            }
            String a = soapAction.strip();
            if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
                a = a.substring(1, a.length() - 1);
            }
            for (Operation o : values()) {
                if (o.action().equals(a)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** Writes a response envelope whose body element is {@code op}'s response, members by {@code members}. */
    public static byte[] response(Operation op, boolean success, String errorMessage, Consumer<XMLStreamWriter> members) {
        return envelope(w -> {
            try {
                w.writeStartElement("", op.responseElement(), SERVICE_NS);
                w.writeDefaultNamespace(SERVICE_NS);
                element(w, "IsSuccessful", Boolean.toString(success));
                element(w, "ErrorMessage", success ? null : errorMessage);
                members.accept(w);
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A SOAP 1.1 fault, for envelopes that cannot be read at all (as WCF answers them). */
    public static byte[] fault(String faultCode, String message) {
        return envelope(w -> {
            try {
                w.writeStartElement("s", "Fault", ENVELOPE_NS);
                w.writeStartElement("faultcode");
                w.writeCharacters(faultCode);
                w.writeEndElement();
                w.writeStartElement("faultstring");
                w.writeAttribute("xml:lang", "en-US");
                w.writeCharacters(message);
                w.writeEndElement();
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Writes {@code <name>text</name>} in the current default namespace; {@code <name/>} for null or empty. */
    public static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text == null || text.isEmpty()) {
            w.writeEmptyElement(SERVICE_NS, name);
        } else {
            w.writeStartElement(SERVICE_NS, name);
            w.writeCharacters(text);
            w.writeEndElement();
        }
    }

    private static byte[] envelope(Consumer<XMLStreamWriter> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = SafeXml.outputFactory().createXMLStreamWriter(out, "UTF-8");
            w.setPrefix("s", ENVELOPE_NS);
            w.writeStartElement("s", "Envelope", ENVELOPE_NS);
            w.writeNamespace("s", ENVELOPE_NS);
            w.writeStartElement("s", "Body", ENVELOPE_NS);
            body.accept(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP response", e);
        }
        return out.toByteArray();
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
