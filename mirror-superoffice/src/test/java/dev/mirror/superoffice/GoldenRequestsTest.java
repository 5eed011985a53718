package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.SuperOfficeTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request captured from a real SuperOffice environment parses, and our answers have the captured
 * shapes. The captured tokens are expired and signed by SuperOffice, so each is re-signed with the test
 * key keeping its claims (context, nonce, audience); the envelopes are otherwise sent byte for byte.
 */
class GoldenRequestsTest {
    private static final Pattern TOKEN = Pattern.compile("(<h:SignedToken[^>]*>)\\s*([A-Za-z0-9_.-]+)\\s*(</h:SignedToken>)");
    private static final String CTX = "Cust24709";

    @TempDir
    Path dir;
    EndpointFixture f;

    @BeforeEach
    void start() {
        f = new EndpointFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void authenticateAnswersTheCapturedShapeWithAVerifiableApplicationToken() throws Exception {
        SuperOfficeSimulator.Answer a = f.sim.post("Authenticate", resigned("SampleAuthenticateRequest.xml"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(XmlShape.of(a.body(), Set.of("SignedApplicationToken", "SuperOfficeMirroringBuild")))
                .containsExactlyElementsOf(XmlShape.of(golden("SampleAuthenticateResponse.xml"),
                        Set.of("SignedApplicationToken", "SuperOfficeMirroringBuild")));
        String token = a.member("SignedApplicationToken");
        assertThat(token).startsWith("BDB65A558F193A8DD88E50E7416C0D86.").matches("[0-9A-F]{32}\\.\\d{12}\\.[A-Za-z0-9+/=]+");
        java.security.Signature v = java.security.Signature.getInstance("SHA256withRSA");
        v.initVerify(f.application.getPublic());
        v.update(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(java.util.Base64.getDecoder().decode(token.substring(token.lastIndexOf('.') + 1)))).isTrue();
    }

    @Test
    void theRawTableSchemaCaptureParsesAndTheAnswerHasTheCapturedShape() throws Exception {
        String capture = golden("TableSchemaRequest1.xml");
        int split = capture.indexOf("\r\n\r\n");
        String headers = capture.substring(0, split);
        String envelope = resign(capture.substring(split + 4));
        Matcher action = Pattern.compile("(?im)^Soapaction:\\s*\"([^\"]+)\"").matcher(headers);
        assertThat(action.find()).isTrue();

        SuperOfficeSimulator.Answer first = f.sim.post(action.group(1), envelope.getBytes(StandardCharsets.UTF_8), false);
        assertThat(first.successful()).as(first.body()).isTrue();
        InMemoryProtocol mirror = f.sessions.existing(CTX);
        assertThat(mirror.tableNames()).hasSize(413);
        int columns = 0;
        for (String t : mirror.tableNames()) {
            columns += mirror.schemaOf(t).columnCount();
        }
        assertThat(columns).isEqualTo(5270);
        TableSchema address = mirror.schemaOf("address");
        assertThat(address.primaryKey()).containsExactly("address_id");
        assertThat(address.columns().get(3).type().toString()).isEqualTo("nvarchar(11)");
        assertThat(mirror.schemaOf("access_script").columns().get(1).defaultExpression()).isEqualTo("default (N'')");
        assertThat(mirror.schemaOf("access_script").columns().get(2).type().isMax()).isTrue();
        assertThat(first.body()).contains("<a:LSN>-1</a:LSN>");

        // With the stored LSNs of the capture, our answer is the captured answer.
        String captured = golden("TableSchemaResponse.xml");
        Matcher m = Pattern.compile("<a:LSN>(\\d+)</a:LSN>\\s*<a:TableName>([^<]+)</a:TableName>").matcher(captured);
        while (m.find()) {
            mirror.forceLsn(m.group(2), Long.parseLong(m.group(1)));
        }
        SuperOfficeSimulator.Answer second = f.sim.post(action.group(1), resign(envelope).getBytes(StandardCharsets.UTF_8), true);
        assertThat(second.gzipped()).isTrue();
        assertThat(XmlShape.of(second.body(), Set.of())).containsExactlyElementsOf(XmlShape.of(captured, Set.of()));
    }

    @Test
    void rowDataWipeAndCompletedCapturesApplyAndAnswerTheCapturedShapes() throws Exception {
        String capture = golden("TableSchemaRequest1.xml");
        f.sim.post("TableSchema", resign(capture.substring(capture.indexOf("\r\n\r\n") + 4)));
        InMemoryProtocol mirror = f.sessions.existing(CTX);

        SuperOfficeSimulator.Answer rows = f.sim.post("RowData", resigned("SampleRowDataRequest.xml"));
        assertThat(XmlShape.of(rows.body(), Set.of())).containsExactlyElementsOf(XmlShape.of(golden("SampleRowDataResponse.xml"), Set.of()));
        assertThat(mirror.lsn("invitation")).isEqualTo(1506269L);
        Map<List<Object>, Object[]> invitation = mirror.rows("invitation");
        assertThat(invitation).hasSize(2);
        Object[] row1 = invitation.get(List.of(1));
        assertThat(row1).containsExactly(1,
                "040000008200E00074C5B7101A82E00800000000DD1E2178E92CD6010000000000000000100000005315E9D8BC5F824BA6502093D637FCB2",
                0, LocalDateTime.of(2020, 5, 18, 10, 40, 43), 135, LocalDateTime.of(2020, 5, 18, 8, 40, 44), 6,
                LocalDateTime.of(2020, 5, 18, 8, 40, 45), 6, (short) 0, "Leon.Nonnast@melchers.de", "Nonnast, Leon",
                LocalDateTime.of(1760, 1, 1, 0, 0), LocalDateTime.of(1760, 1, 1, 0, 0));
        assertThat(mirror.schemaOf("invitation").columns().get(9).type().base()).isEqualTo(SqlServerType.SMALLINT);

        SuperOfficeSimulator.Answer wipe = f.sim.post("Wipe", resigned("SampleWipeRequest.xml"));
        assertThat(XmlShape.of(wipe.body(), Set.of())).containsExactlyElementsOf(XmlShape.of(golden("SampleWipeResponse.xml"), Set.of()));
        assertThat(mirror.lsn("projstatusgrouplink")).isEqualTo(-1L);

        SuperOfficeSimulator.Answer done = f.sim.post("ReplicationCompleted", resigned("ReplicationCompletedRequest.xml"));
        assertThat(XmlShape.of(done.body(), Set.of()))
                .containsExactlyElementsOf(XmlShape.of(golden("ReplicationCompletedResponse.xml"), Set.of()));
        assertThat(mirror.completions()).containsExactly(Map.of());
    }

    @Test
    void theWsdlIsServed() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.uri() + "?wsdl")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as("SuperOffice's WSDL, naming this endpoint's address instead of their development host")
                .isEqualTo(golden("wsdl").replace(Wsdl.SHIPPED_ADDRESS, f.uri().toString()));
    }

    private String resigned(String name) throws IOException {
        return resign(golden(name));
    }

    /** Replaces the captured token with one signed by the test key, keeping its claims but with a valid time window. */
    private String resign(String envelope) {
        Matcher m = TOKEN.matcher(envelope);
        if (!m.find()) {
            throw new IllegalArgumentException("no SignedToken");
        }
        try {
            JWTClaimsSet old = SignedJWT.parse(m.group(2)).getJWTClaimsSet();
            JWTClaimsSet fresh = new JWTClaimsSet.Builder(old).notBeforeTime(Date.from(Instant.now().minusSeconds(5)))
                    .expirationTime(Date.from(Instant.now().plusSeconds(360))).build();
            return envelope.substring(0, m.start(2)) + SuperOfficeTokens.sign(fresh, f.superOffice.getPrivate())
                    + envelope.substring(m.end(2));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(String name) throws IOException {
        String path = name.equals("wsdl") ? "/dev/mirror/superoffice/MirroringClientService_Full.xml" : "/golden/" + name;
        try (InputStream in = GoldenRequestsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
