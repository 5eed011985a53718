package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTDs, external entities, entity expansion, undeclared entities, oversized and unparseable bodies, deep nesting, too many
 * or too long attributes and malformed UTF-8 are refused with a SOAP fault that names the problem and no parser internals;
 * the server keeps serving.
 */
class HostileRequestsTest {
    private static final String NS = SuperOfficeSimulator.NS;

    @TempDir
    Path dir;
    EndpointFixture f;

    @BeforeEach
    void start() {
        f = new EndpointFixture(dir, false, 256 * 1024, Map.of());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void externalEntityIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + envelope(f.sim.tokens().token("Cust1"), "<WipeRequest xmlns=\"" + NS + "\"><TableName>&xxe;</TableName></WipeRequest>");
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", xml);
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultstring")).contains("DTD");
        assertThat(a.body()).doesNotContain("TOP-SECRET-CONTENT");
        assertServing();
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", dtd + envelope(f.sim.tokens().token("Cust1"),
                "<WipeRequest xmlns=\"" + NS + "\"><TableName>&lol9;</TableName></WipeRequest>"));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultcode")).isEqualTo("s:Client");
        assertServing();
    }

    @Test
    void oversizedBodiesAreRefusedWhetherAnnouncedOrStreamedOrGzipped() {
        String big = envelope(f.sim.tokens().token("Cust1"), "<WipeRequest xmlns=\"" + NS + "\"><ClientState>" + "x".repeat(400_000)
                + "</ClientState><TableName>t</TableName></WipeRequest>");
        SuperOfficeSimulator.Answer announced = f.sim.post("Wipe", big);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.member("faultstring")).contains("maxRequestBytes");
        // gzip: 400 KB of 'x' compresses to a few hundred bytes; the limit applies to the decoded stream
        // the server answers 413 as soon as the decoded stream passes the limit, without reading the rest of the upload;
        // depending on timing the client sees that answer or a connection closed under its chunked upload: both are refusals
        try {
            SuperOfficeSimulator.Answer zipped = f.sim.post(NS + "/IMirroringClientService/Wipe", big.getBytes(StandardCharsets.UTF_8), true);
            assertThat(zipped.status()).isEqualTo(413);
        } catch (java.io.UncheckedIOException closedMidUpload) {
            assertThat(closedMidUpload).hasMessageContaining("chunked");
        }
        assertServing();
    }

    @Test
    void unparseableEnvelopesGetASoapFault() {
        SuperOfficeSimulator.Answer broken = f.sim.post("Wipe", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>");
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.member("faultcode")).isEqualTo("s:Client");
        SuperOfficeSimulator.Answer wrongAction = f.sim.post("DropDatabase", envelope(f.sim.tokens().token("Cust1"), "<x/>"));
        assertThat(wrongAction.status()).isEqualTo(500);
        assertThat(wrongAction.member("faultstring")).contains("not an operation");
        SuperOfficeSimulator.Answer mismatch = f.sim.post("Wipe", envelope(f.sim.tokens().token("Cust1"),
                "<RowDataRequest xmlns=\"" + NS + "\"/>"));
        assertThat(mismatch.member("faultstring")).contains("WipeRequest");
        assertServing();
    }

    @Test
    void gzipRequestsAreAcceptedAndGzipAnswersGiven() {
        f.sim.gzipRequests(true);
        f.sim.authenticate("Cust1");
        f.sim.tableSchema("Cust1", List.of(new dev.mirror.api.model.TableSchema("t",
                List.of(dev.mirror.api.model.Column.of("id", dev.mirror.api.model.SqlType.parse("int"), false)), List.of("id"))));
        assertThat(f.sessions.existing("Cust1").tableNames()).containsExactly("t");
    }

    @Test
    void aDoctypeWithAnInternalSubsetIsRefusedAndNothingIsExpanded() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY t \"EXPANDED-ENTITY-TEXT\">]>"
                + envelope(f.sim.tokens().token("Cust1"), "<WipeRequest xmlns=\"" + NS + "\"><TableName>&t;</TableName></WipeRequest>");
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", xml);
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultstring")).contains("DTDs and entity references are not allowed");
        assertThat(a.body()).doesNotContain("EXPANDED-ENTITY-TEXT");
        assertServing();
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", envelope(f.sim.tokens().token("Cust1"),
                "<WipeRequest xmlns=\"" + NS + "\"><TableName>&foo;</TableName></WipeRequest>"));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultcode")).isEqualTo("s:Client");
        assertThat(a.member("faultstring")).contains("entity references are not allowed");
        assertServing();
    }

    @Test
    void nestingDeeperThan64LevelsIsRefused() {
        // Envelope and Header are 2 levels: 62 more make 64 (accepted), 63 more make 65
        assertThat(f.sim.post("Wipe", nested(62)).status()).isEqualTo(200);
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", nested(63));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultcode")).isEqualTo("s:Client");
        assertThat(a.member("faultstring")).isEqualTo("The request exceeds a limit of the endpoint's XML parser: "
                + "elements are nested deeper than 64 levels");
        assertServing();
    }

    @Test
    void tooManyAttributesAreRefused() {
        assertThat(f.sim.post("Wipe", attributes(64, 1)).status()).isEqualTo(200);
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", attributes(65, 1));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultstring")).isEqualTo("The request exceeds a limit of the endpoint's XML parser: "
                + "an element has more than 64 attributes or 64 namespace declarations");
        assertServing();
    }

    @Test
    void anOverlongAttributeValueIsRefused() {
        assertThat(f.sim.post("Wipe", attributes(1, 8192)).status()).isEqualTo(200);
        SuperOfficeSimulator.Answer a = f.sim.post("Wipe", attributes(1, 8193));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultstring")).isEqualTo("The request exceeds a limit of the endpoint's XML parser: "
                + "an attribute value is longer than 8192 characters");
        assertServing();
    }

    @Test
    void malformedUtf8IsRefusedWithoutDetail() {
        byte[] head = envelope(f.sim.tokens().token("Cust1"), "<WipeRequest xmlns=\"" + NS + "\"><TableName>")
                .replace("</s:Body></s:Envelope>", "").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</TableName></WipeRequest></s:Body></s:Envelope>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3; // a 2-byte sequence's lead byte, followed by an ASCII byte: not UTF-8
        body[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        SuperOfficeSimulator.Answer a = f.sim.post(NS + "/IMirroringClientService/Wipe", body, false);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.member("faultcode")).isEqualTo("s:Client");
        assertThat(a.member("faultstring")).isEqualTo("The request body is not valid in its character encoding "
                + "(UTF-8 unless the XML declaration names another)");
        assertServing();
    }

    /** A Wipe whose SOAP header holds {@code levels} nested elements (an unknown header element is skipped). */
    private String nested(int levels) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>" + "<n>".repeat(levels) + "</n>".repeat(levels)
                + "<h:SignedToken xmlns:h=\"" + NS + "\">" + f.sim.tokens().token("Cust1") + "</h:SignedToken></s:Header><s:Body><WipeRequest xmlns=\""
                + NS + "\"><TableName>t</TableName></WipeRequest></s:Body></s:Envelope>";
    }

    /** A Wipe whose WipeRequest carries {@code count} more attributes of {@code length} characters each. */
    private String attributes(int count, int length) {
        StringBuilder b = new StringBuilder("<WipeRequest xmlns=\"" + NS + "\"");
        for (int i = 0; i < count; i++) {
            b.append(" a").append(i).append("=\"").append("v".repeat(length)).append('"');
        }
        return envelope(f.sim.tokens().token("Cust1"), b.append("><TableName>t</TableName></WipeRequest>").toString());
    }

    private void assertServing() {
        assertThat(f.sim.authenticate("Cust1")).isNotBlank();
    }

    private static String envelope(String token, String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><h:SignedToken xmlns:h=\"" + NS + "\">"
                + token + "</h:SignedToken></s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }
}
