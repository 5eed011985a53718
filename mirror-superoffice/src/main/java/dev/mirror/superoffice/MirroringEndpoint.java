package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.source.ProtocolSessions;
import dev.mirror.superoffice.Soap.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMirroringClientService, independent of the HTTP server: reads one SOAP request as a stream, validates
 * its SignedToken, turns it into one protocol step for the token's context and writes the answer.
 * Errors are answered in-band (HTTP 200, {@code IsSuccessful=false}, {@code ErrorMessage}) as SuperOffice
 * expects; only an envelope that cannot be read at all gets a SOAP fault, as WCF would answer it.
 * Thread-safe: the HTTP server calls it from many threads.
 */
public final class MirroringEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MirroringEndpoint.class);
    /** What "do not replicate now" says in {@code AdditionalInformationJson}. */
    static final String PAUSED_JSON = "{\"DoNotReplicate\":true,\"Reason\":\"replication is paused on this mirror\"}";

    /** An HTTP answer: status and SOAP envelope. */
    public record Response(int status, byte[] body) {
        public Response {
            requireNonNull(body, "body is null");
        }
    }

    private final SuperOfficeConfig config;
    private final ProtocolSessions sessions;
    private final TokenValidator validator;
    private final ApplicationTokenSigner signer;
    private final String build;
    private final ConcurrentMap<dev.mirror.api.ContextId, TenantState> tenants = new ConcurrentHashMap<>();

    public MirroringEndpoint(SuperOfficeConfig config, ProtocolSessions sessions, TokenValidator validator,
                             ApplicationTokenSigner signer, String build) {
        this.config = requireNonNull(config, "config is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.validator = requireNonNull(validator, "validator is null");
        this.signer = requireNonNull(signer, "signer is null");
        this.build = requireNonNull(build, "build is null");
    }

    /** Handles one POSTed request; {@code body} is already decompressed and size-limited. */
    public Response handle(String soapAction, InputStream body) {
        Operation op = Operation.fromAction(soapAction);
        if (op == null) {
            return new Response(500, Soap.fault("s:Client", "The SOAPAction is not an operation of IMirroringClientService; "
                    + "expected \"" + Soap.ACTION_PREFIX + "<Authenticate|TableSchema|RowData|Wipe|ReplicationCompleted>\""));
        }
        try (XmlCursor x = new XmlCursor(body)) {
            x.toRoot();
            if (!x.localName().equals("Envelope") || !x.namespace().equals(Soap.ENVELOPE_NS)) {
                return new Response(500, Soap.fault("s:VersionMismatch", "The request is not a SOAP 1.1 envelope"));
            }
            String token = null;
            while (x.nextChild()) {
                if (x.localName().equals("Header") && x.namespace().equals(Soap.ENVELOPE_NS)) {
                    while (x.nextChild()) {
                        if (x.localName().equals("SignedToken") && x.namespace().equals(Soap.SERVICE_NS)) {
                            token = x.text();
                        } else {
                            x.skip();
                        }
                    }
                } else if (x.localName().equals("Body") && x.namespace().equals(Soap.ENVELOPE_NS)) {
                    if (!x.nextChild() || !x.localName().equals(op.requestElement()) || !x.namespace().equals(Soap.SERVICE_NS)) {
                        return new Response(500, Soap.fault("s:Client", "The SOAP body does not hold a " + op.requestElement()
                                + " in namespace " + Soap.SERVICE_NS + " as the SOAPAction announces"));
                    }
                    return new Response(200, dispatch(op, token, x));
                } else {
                    x.skip();
                }
            }
            return new Response(500, Soap.fault("s:Client", "The SOAP envelope has no Body"));
        } catch (XMLStreamException e) {
            if (body instanceof LimitedInputStream l && l.exceeded()) {
                String m = new LimitedInputStream.TooLargeException(l.limit()).getMessage();
                LOG.warn("{} refused: {}", op, m);
                return new Response(413, Soap.fault("s:Client", m));
            }
            return unreadable(op, e);
        }
    }

    private Response unreadable(Operation op, XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : nested(t)) {
            if (t instanceof LimitedInputStream.TooLargeException) {
                LOG.warn("{} refused: {}", op, t.getMessage());
                return new Response(413, Soap.fault("s:Client", t.getMessage()));
            }
            if (t instanceof java.io.CharConversionException) {
                LOG.warn("{} refused: the request body is not valid in its character encoding", op);
                return new Response(400, Soap.fault("s:Client", "The request body is not valid in its character encoding "
                        + "(UTF-8 unless the XML declaration names another)"));
            }
            if (t instanceof IOException io && t.getCause() == null && nested(t) == null) {
                LOG.warn("{} refused: cannot read the request ({})", op, io.getClass().getSimpleName());
                return new Response(400, Soap.fault("s:Client", "The request body could not be read (" + io.getClass().getSimpleName()
                        + "); check Content-Encoding"));
            }
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
        String limit = SafeXml.limitExceeded(e);
        if (limit != null) {
            LOG.warn("{} refused: {}", op, limit);
            return new Response(500, Soap.fault("s:Client", "The request exceeds a limit of the endpoint's XML parser: " + limit));
        }
        String why = e.getMessage() != null && e.getMessage().contains("not allowed") ? ": DTDs and entity references are not allowed" : "";
        LOG.warn("{} refused: not a well-formed SOAP envelope{}{}", op, where, why);
        return new Response(500, Soap.fault("s:Client", "The request is not a well-formed, DTD-free SOAP 1.1 envelope" + where + why));
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }

    private byte[] dispatch(Operation op, String token, XmlCursor x) throws XMLStreamException {
        SuperOfficeToken t;
        try {
            t = validator.validate(token);
        } catch (TokenValidator.InvalidTokenException e) {
            LOG.warn("{} refused: {}", op, e.getMessage());
            return failure(op, "Authentication failed: " + e.getMessage());
        }
        if (config.replicationPaused() && op != Operation.Authenticate) {
            LOG.info("{} for {} refused: replicationPaused is set", op, t.contextId());
            return failure(op, "Replication is paused on this mirror (replicationPaused=true); nothing was written. "
                    + "Unset replicationPaused to resume.");
        }
        try {
            MirrorProtocol protocol = sessions.forContext(t.contextId());
            TenantState state = tenants.computeIfAbsent(t.contextId(), c -> new TenantState());
            return switch (op) {
                case Authenticate -> authenticate(t, x);
                case TableSchema -> tableSchema(protocol, state, x);
                case RowData -> rowData(protocol, state, x);
                case Wipe -> wipe(protocol, state, x);
                case ReplicationCompleted -> completed(protocol, state, x);
            };
        } catch (MirrorException e) {
            LOG.warn("{} for {} failed: {}", op, t.contextId(), e.getMessage());
            return failure(op, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} for {} failed unexpectedly", op, t.contextId(), e);
            return failure(op, "internal error (" + e.getClass().getSimpleName() + "); see the mirror's log");
        }
    }

    private byte[] authenticate(SuperOfficeToken t, XmlCursor x) throws XMLStreamException {
        String clientState = readMembers(x).get("ClientState");
        if (t.nonce().isBlank()) {
            return failure(Operation.Authenticate, "Authentication failed: the SignedToken carries no nonce to sign");
        }
        String signed = signer.sign(t.nonce());
        LOG.info("Authenticate for {}: answered with the signed application token{}", t.contextId(),
                config.replicationPaused() ? " (replication paused)" : "");
        return Soap.response(Operation.Authenticate, true, null, w -> write(w, List.of(
                "SignedApplicationToken", signed,
                "SupportedInterfaces", "1",
                "SuperOfficeMirroringBuild", build,
                "ClientState", clientState == null ? "" : clientState,
                "AdditionalInformationJson", config.replicationPaused() ? PAUSED_JSON : "")));
    }

    private byte[] tableSchema(MirrorProtocol protocol, TenantState state, XmlCursor x) throws XMLStreamException {
        List<TableSchema> schemas = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (x.nextChild()) {
            if (!x.localName().equals("Tables")) {
                x.skip();
                continue;
            }
            while (x.nextChild()) {
                if (!x.localName().equals("TableSchemaInfo")) {
                    x.skip();
                    continue;
                }
                TableSchemaCall.WireTable wire = TableSchemaCall.readTableInfo(x);
                try {
                    schemas.add(TableSchemaCall.toSchema(wire, config::primaryKeyFor));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            // Leaving a table out would make core drop it from the mirror: refuse the whole schema instead.
            String shown = String.join("; ", problems.subList(0, Math.min(20, problems.size())));
            return Soap.response(Operation.TableSchema, false, problems.size() + " table(s) cannot be mirrored, nothing "
                    + "was changed: " + shown, w -> lsn(w, null));
        }
        // Core serializes the protocol steps (the schema step never overlaps a RowData or Wipe of the same tenant).
        List<TableAnswer> answers = protocol.schema(schemas);
        state.announce(schemas);
        LOG.info("TableSchema for {}: {} table(s) announced, {} to repopulate", protocol.contextId(), schemas.size(),
                answers.stream().filter(TableAnswer::needsRepopulation).count());
        return Soap.response(Operation.TableSchema, true, null, w -> lsn(w, answers));
    }

    private byte[] rowData(MirrorProtocol protocol, TenantState state, XmlCursor x) throws XMLStreamException {
        List<String> errors = new RowDataCall(protocol, state).run(x);
        if (errors.isEmpty()) {
            return Soap.response(Operation.RowData, true, null, w -> { });
        }
        errors.forEach(e -> LOG.warn("RowData for {}: {}", protocol.contextId(), e));
        return Soap.response(Operation.RowData, false, String.join("; ", errors), w -> { });
    }

    private byte[] wipe(MirrorProtocol protocol, TenantState state, XmlCursor x) throws XMLStreamException {
        String table = TableSchemaCall.strip(readMembers(x).get("TableName"));
        if (table == null || table.isEmpty()) {
            return failure(Operation.Wipe, "the WipeRequest names no TableName");
        }
        if (state.table(table).isEmpty()) {
            return failure(Operation.Wipe, "table '" + table + "' was not announced by this cycle's TableSchema call; "
                    + "nothing was wiped");
        }
        ApplyResult r = protocol.wipe(table);
        LOG.info("Wipe for {}: table {} {}", protocol.contextId(), table,
                r.succeeded() ? "repopulation started (a table with contents keeps them until the batch carrying the LSN)"
                        : "failed: " + r.error());
        return r.succeeded() ? Soap.response(Operation.Wipe, true, null, w -> { })
                : failure(Operation.Wipe, "table '" + table + "': " + r.error());
    }

    private byte[] completed(MirrorProtocol protocol, TenantState state, XmlCursor x) throws XMLStreamException {
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        while (x.nextChild()) {
            if (!x.localName().equals("ChangedTables")) {
                x.skip();
                continue;
            }
            while (x.nextChild()) {
                if (x.localName().equals("ReplicationSummary")) {
                    Map<String, String> m = readMembers(x);
                    String table = TableSchemaCall.strip(m.get("TableName"));
                    if (table != null && !table.isEmpty()) {
                        counts.merge(table, new TableCounts(count(m, "Inserts"), count(m, "Updates"), count(m, "Deletes")),
                                TableCounts::plus);
                    }
                } else {
                    x.skip();
                }
            }
        }
        CycleReport report = protocol.complete(counts);
        state.completed();
        LOG.info("ReplicationCompleted for {}: {} table(s) changed per SuperOffice, {} failure(s) this cycle",
                protocol.contextId(), counts.size(), report.failures().size());
        return Soap.response(Operation.ReplicationCompleted, true, null, w -> { });
    }

    private static long count(Map<String, String> m, String key) {
        String v = TableSchemaCall.strip(m.get(key));
        try {
            return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw MirrorException.source("SUPEROFFICE_SUMMARY", false, "ReplicationSummary." + key + " is not an integer", e);
        }
    }

    /** Reads the simple (text) members of the current element by local name; nested elements are skipped. */
    private static Map<String, String> readMembers(XmlCursor x) throws XMLStreamException {
        Map<String, String> m = new LinkedHashMap<>();
        while (x.nextChild()) {
            String name = x.localName();
            try {
                m.put(name, x.text());
            } catch (XmlCursor.ElementInText e) {
                throw new XMLStreamException("element " + name + " must hold text only");
            }
        }
        return m;
    }

    private static byte[] failure(Operation op, String message) {
        return Soap.response(op, false, message, w -> {
            if (op == Operation.TableSchema) {
                lsn(w, null);
            }
        });
    }

    private static void lsn(XMLStreamWriter w, List<TableAnswer> answers) {
        try {
            TableSchemaCall.writeMirrorLsn(w, answers);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XMLStreamWriter w, List<String> namesAndValues) {
        try {
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                Soap.element(w, namesAndValues.get(i), namesAndValues.get(i + 1));
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
