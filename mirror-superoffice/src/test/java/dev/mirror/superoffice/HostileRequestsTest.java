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

/** DTDs, external entities, entity expansion, oversized and unparseable bodies are refused; the server keeps serving. */
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

    private void assertServing() {
        assertThat(f.sim.authenticate("Cust1")).isNotBlank();
    }

    private static String envelope(String token, String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><h:SignedToken xmlns:h=\"" + NS + "\">"
                + token + "</h:SignedToken></s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }
}
