package dev.mirror.superoffice.sim;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Plays SuperOffice's mirroring task against a real endpoint over HTTP or HTTPS: signs its tokens with a test key,
 * checks the application token Authenticate answers, and sends TableSchema, RowData (batches of about
 * {@link #batchBytes} bytes, several per call, only the table's last batch carrying the LSN), Wipe and
 * ReplicationCompleted as SuperOffice's WCF client writes them. {@link #runCycle} does a whole cycle from a
 * {@link SimSource}. Reusable by integration tests: give it the endpoint URL, the keys and a source.
 */
public final class SuperOfficeSimulator {
    public static final String S = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String NS = "http://www.superoffice.com/online/mirroring/0.1";
    public static final String A = "http://schemas.datacontract.org/2004/07/SuperOffice.Online.Mirroring.Contract.V1";
    public static final String B = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static final String I = "http://www.w3.org/2001/XMLSchema-instance";

    /** A call the endpoint answered with {@code IsSuccessful=false} (or a fault). */
    public static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CallFailed(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** An HTTP answer: status, body text, whether it came gzip-encoded. */
    public record Answer(int status, String body, boolean gzipped) {
        /** The text of the first element with this local name, or null. */
        public String member(String localName) {
            Element e = first(parse(body), localName);
            return e == null ? null : e.getTextContent();
        }

        public boolean successful() {
            return status == 200 && "true".equals(member("IsSuccessful"));
        }
    }

    private final URI endpoint;
    private final PublicKey applicationPublicKey;
    private final SuperOfficeTokens tokens;
    private final HttpClient http;
    private int batchBytes = 1024 * 1024;
    private int batchesPerCall = 3;
    private boolean gzipRequests;

    /** A simulator for a plain-HTTP endpoint, or an HTTPS one whose certificate the JDK's default trust store trusts. */
    public SuperOfficeSimulator(URI endpoint, String applicationId, PrivateKey superOfficeSigningKey,
                                PublicKey applicationPublicKey) {
        this(endpoint, applicationId, superOfficeSigningKey, applicationPublicKey, null);
    }

    /**
     * A simulator for an HTTPS endpoint: {@code sslContext} decides which server certificates are trusted (e.g. one
     * built from the endpoint's own self-signed certificate), or null for the JDK's default trust store.
     */
    public SuperOfficeSimulator(URI endpoint, String applicationId, PrivateKey superOfficeSigningKey,
                                PublicKey applicationPublicKey, SSLContext sslContext) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.applicationPublicKey = requireNonNull(applicationPublicKey, "applicationPublicKey is null");
        this.tokens = new SuperOfficeTokens(superOfficeSigningKey, applicationId, Clock.systemUTC());
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.http = b.build();
    }

    public SuperOfficeTokens tokens() {
        return tokens;
    }

    /** Target encoded size of one RowDataBatch (SuperOffice: about 1 MB). */
    public SuperOfficeSimulator batchBytes(int bytes) {
        this.batchBytes = bytes;
        return this;
    }

    public SuperOfficeSimulator batchesPerCall(int n) {
        this.batchesPerCall = n;
        return this;
    }

    public SuperOfficeSimulator gzipRequests(boolean on) {
        this.gzipRequests = on;
        return this;
    }

    /** Authenticates and verifies the signed application token; returns it. */
    public String authenticate(String ctx) {
        String token = tokens.token(ctx);
        String nonce = (String) claim(token, "nonce");
        Answer a = ok(call("Authenticate", token, "<AuthenticateRequest xmlns=\"" + NS + "\"><ClientState>sim</ClientState></AuthenticateRequest>"));
        String signed = a.member("SignedApplicationToken");
        String[] parts = signed.split("\\.");
        if (parts.length != 3 || !parts[0].equals(nonce) || !parts[1].matches("\\d{12}")) {
            throw new CallFailed(200, "SignedApplicationToken is not nonce.yyyyMMddHHmm.signature");
        }
        try {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(applicationPublicKey);
            v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
            if (!v.verify(Base64.getDecoder().decode(parts[2]))) {
                throw new CallFailed(200, "SignedApplicationToken signature does not verify with the application key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return signed;
    }

    /** Announces the tables; returns each table's LSN as the mirror answered. */
    public Map<String, Long> tableSchema(String ctx, List<TableSchema> tables) {
        StringBuilder b = new StringBuilder("<TableSchemaRequest xmlns=\"" + NS + "\"><ClientState/><Tables xmlns:a=\"" + A
                + "\" xmlns:i=\"" + I + "\">");
        for (TableSchema t : tables) {
            tableInfo(b, "a:TableSchemaInfo", t);
        }
        b.append("</Tables></TableSchemaRequest>");
        Answer a = ok(call("TableSchema", tokens.token(ctx), b.toString()));
        Map<String, Long> lsns = new LinkedHashMap<>();
        NodeList list = parse(a.body()).getElementsByTagNameNS(A, "TableLSN");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            lsns.put(first(e, "TableName").getTextContent(), Long.parseLong(first(e, "LSN").getTextContent()));
        }
        return lsns;
    }

    /** Sends a table's changes in batches of about {@link #batchBytes}, several per call; the last carries {@code lsn}. */
    public void sendTable(String ctx, TableSchema table, List<RowChange> changes, long lsn) {
        List<String> batches = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (RowChange c : changes) {
            rowData(rows, table, c);
            if (rows.length() >= batchBytes) {
                batches.add(rows.toString());
                rows.setLength(0);
            }
        }
        batches.add(rows.toString());
        List<String> call = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            call.add(batch(table, batches.get(i), i == batches.size() - 1 ? lsn : 0));
            if (call.size() == batchesPerCall || i == batches.size() - 1) {
                rowDataCall(ctx, call);
                call.clear();
            }
        }
    }

    /** One RowData call with ready-made {@code a:RowDataBatch} elements. */
    public void rowDataCall(String ctx, List<String> batchElements) {
        ok(call("RowData", tokens.token(ctx), "<RowDataRequest xmlns=\"" + NS + "\"><ClientState/><DataBatches xmlns:a=\"" + A
                + "\" xmlns:i=\"" + I + "\">" + String.join("", batchElements) + "</DataBatches></RowDataRequest>"));
    }

    /** A {@code a:RowDataBatch} element with rows already written by {@link #rowData}. */
    public static String batch(TableSchema table, String rowElements, long lsn) {
        StringBuilder b = new StringBuilder("<a:RowDataBatch><a:Data>").append(rowElements).append("</a:Data><a:LSN>")
                .append(lsn).append("</a:LSN>");
        tableInfo(b, "a:TableInfo", table);
        return b.append("</a:RowDataBatch>").toString();
    }

    /** Appends one {@code a:RowData} element, values encoded as monikers. */
    public static void rowData(StringBuilder b, TableSchema table, RowChange change) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < table.columnCount(); i++) {
            values.add(MonikerEncoder.encode(change.row().get(i), table.columns().get(i)));
        }
        rawRowData(b, values, String.valueOf(change.operation().code()));
    }

    /** Appends one {@code a:RowData} element with raw wire values (null = nil). */
    public static void rawRowData(StringBuilder b, List<String> values, String operation) {
        b.append("<a:RowData><a:ColumnValues xmlns:b=\"").append(B).append("\">");
        for (String v : values) {
            if (v == null) {
                b.append("<b:string i:nil=\"true\"/>");
            } else {
                b.append("<b:string>").append(escape(v)).append("</b:string>");
            }
        }
        b.append("</a:ColumnValues><a:Operation>").append(operation).append("</a:Operation></a:RowData>");
    }

    public void wipe(String ctx, String table) {
        ok(call("Wipe", tokens.token(ctx), "<WipeRequest xmlns=\"" + NS + "\"><ClientState/><TableName>" + escape(table)
                + "</TableName></WipeRequest>"));
    }

    public void replicationCompleted(String ctx, Map<String, TableCounts> counts) {
        StringBuilder b = new StringBuilder("<ReplicationCompletedRequest xmlns=\"" + NS + "\"><ClientState/><ChangedTables xmlns:a=\""
                + A + "\" xmlns:i=\"" + I + "\">");
        counts.forEach((t, c) -> b.append("<a:ReplicationSummary><a:Deletes>").append(c.deletes()).append("</a:Deletes><a:Inserts>")
                .append(c.inserts()).append("</a:Inserts><a:TableName>").append(escape(t)).append("</a:TableName><a:Updates>")
                .append(c.updates()).append("</a:Updates></a:ReplicationSummary>"));
        b.append("</ChangedTables></ReplicationCompletedRequest>");
        ok(call("ReplicationCompleted", tokens.token(ctx), b.toString()));
    }

    /**
     * One whole cycle from {@code source}: Authenticate, TableSchema, then per table a Wipe and every row when
     * the mirror answered -1, else the changes since its LSN; then ReplicationCompleted with the counts.
     */
    public Map<String, TableCounts> runCycle(String ctx, SimSource source) {
        authenticate(ctx);
        Map<String, Long> answers = tableSchema(ctx, source.schemas());
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        for (TableSchema t : source.schemas()) {
            long lsn = answers.getOrDefault(t.name(), -1L);
            List<RowChange> changes;
            if (lsn < 0) {
                wipe(ctx, t.name());
                changes = source.allRows(t.name());
            } else {
                changes = source.changesSince(t.name(), lsn);
            }
            if (changes.isEmpty() && lsn >= 0) {
                continue;
            }
            sendTable(ctx, t, changes, source.currentLsn());
            long ins = changes.stream().filter(c -> c.operation().code() == 'I').count();
            long upd = changes.stream().filter(c -> c.operation().code() == 'U').count();
            counts.put(t.name(), new TableCounts(ins, upd, changes.size() - ins - upd));
        }
        replicationCompleted(ctx, counts);
        return counts;
    }

    /** Posts a request body (the element inside s:Body) with a token; returns the raw answer. */
    public Answer call(String operation, String token, String bodyElement) {
        String header = token == null ? "<s:Header/>" : "<s:Header><h:SignedToken s:mustUnderstand=\"1\" xmlns:h=\"" + NS + "\">"
                + escape(token) + "</h:SignedToken></s:Header>";
        return post(operation, "<s:Envelope xmlns:s=\"" + S + "\">" + header + "<s:Body>" + bodyElement + "</s:Body></s:Envelope>");
    }

    /** Posts a whole envelope text for an operation. */
    public Answer post(String operation, String envelope) {
        return post(NS + "/IMirroringClientService/" + operation, envelope.getBytes(StandardCharsets.UTF_8), gzipRequests);
    }

    /** Posts raw bytes with a SOAPAction (quoted as WCF does); gzip-encodes them when asked. */
    public Answer post(String soapAction, byte[] body, boolean gzip) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + soapAction + "\"")
                    .header("Accept-Encoding", "gzip, deflate");
            if (gzip) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
                    z.write(body);
                }
                r.header("Content-Encoding", "gzip");
                body = bytes.toByteArray();
            }
            HttpResponse<InputStream> resp = http.send(r.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            boolean gz = resp.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            try (InputStream raw = resp.body()) {
                InputStream in = gz ? new GZIPInputStream(raw) : raw;
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Read the HTTP body to its very end before closing it: GZIPInputStream stops at the gzip trailer, and
                // closing a body the client has not seen end cancels the exchange, which makes the HttpClient discard
                // (or, racing with its pool, hand out) a connection the next call then finds dead.
                raw.transferTo(java.io.OutputStream.nullOutputStream());
                return new Answer(resp.statusCode(), text, gz);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer ok(Answer a) {
        if (!a.successful()) {
            String m = a.status() == 200 ? a.member("ErrorMessage") : a.member("faultstring");
            throw new CallFailed(a.status(), m == null ? "HTTP " + a.status() : m);
        }
        return a;
    }

    private static void tableInfo(StringBuilder b, String element, TableSchema t) {
        b.append('<').append(element).append("><a:Columns>");
        for (Column c : t.columns()) {
            b.append("<a:ColumnInfo>");
            if (c.defaultExpression() == null) {
                b.append("<a:DefaultValue/>");
            } else {
                b.append("<a:DefaultValue>").append(escape(c.defaultExpression())).append("</a:DefaultValue>");
            }
            b.append("<a:IsNullable>").append(c.nullable()).append("</a:IsNullable><a:Name>").append(escape(c.name()))
                    .append("</a:Name><a:Type>").append(c.type()).append("</a:Type></a:ColumnInfo>");
        }
        b.append("</a:Columns><a:TableName>").append(escape(t.name())).append("</a:TableName></").append(element).append('>');
    }

    private static Object claim(String token, String name) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\r", "&#13;");
    }

    /** Parses a trusted (our own test) response, namespace-aware, with DTDs refused. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + e.getMessage(), e);
        }
    }

    private static Element first(Node n, String localName) {
        NodeList l = n instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) n).getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
