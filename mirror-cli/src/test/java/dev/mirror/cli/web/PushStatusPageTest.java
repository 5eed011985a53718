package dev.mirror.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.RunSettings;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page of a push source: cycles pushed by two tenants (the SuperOffice simulator against the real endpoint)
 * reach the page through the hook added with {@code MirrorBuilder.hook}, and {@code /status.json} shows each tenant's
 * own target (per-tenant H2 files through {ctx}) with its tables and cycles.
 */
class PushStatusPageTest {
    static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    static final String PATH = "/mirroring/MirroringClientService.svc";
    static final TableSchema CONTACT = new TableSchema("contact", List.of(
            Column.of("contact_id", SqlType.parse("int"), false),
            Column.of("name", SqlType.parse("nvarchar(60)"), false)), List.of("contact_id"));

    @TempDir
    Path dir;

    @Test
    void pushedCyclesOfEveryTenantReachThePage() throws Exception {
        KeyPair superOffice = TestKeys.generate();
        KeyPair application = TestKeys.generate();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("path", PATH);
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", TestKeys.write(dir, "app.xml", TestKeys.privateDotNetXml(application)).toString());
        source.put("superOfficeCertificates", List.of(TestKeys.write(dir, "so.crt", TestKeys.publicPem(superOffice)).toString()));
        source.put("allowedContexts", List.of("CustA", "CustB"));
        Map<String, Object> tree = Map.of("source", source,
                "target", Map.of("url", "jdbc:h2:file:" + dir.resolve("t_{ctx}").toString().replace('\\', '/')));
        StatusBoard board = new StatusBoard(Clock.systemUTC());
        try (Mirror mirror = Mirror.builder().config(tree, "test").pluginDirectory(false).hook("status-page", board).build();
             StatusSite site = StatusSite.start(mirror, board, new RunSettings.Http(0, "127.0.0.1", null, Duration.ofMinutes(15)), null)) {
            mirror.serve();
            SuperOfficeSimulator sim = new SuperOfficeSimulator(URI.create("http://127.0.0.1:"
                    + ((SuperOfficeSource) mirror.source()).port() + PATH), APP_ID, superOffice.getPrivate(), application.getPublic());
            for (String ctx : List.of("CustA", "CustB")) {
                SimSource src = new SimSource();
                src.createTable(CONTACT);
                for (int i = 1; i <= (ctx.equals("CustA") ? 30 : 20); i++) {
                    src.upsert("contact", i, ctx + " " + i);
                }
                sim.runCycle(ctx, src);
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/status.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(r.body());
            Set<String> cycleContexts = new TreeSet<>();
            json.path("cycles").forEach(c -> cycleContexts.add(c.path("context").asText()));
            assertThat(cycleContexts).containsExactly("CustA", "CustB");
            assertThat(json.path("contexts")).hasSize(2);
            for (JsonNode c : json.path("contexts")) {
                long expected = c.path("context").asText().equals("CustA") ? 30 : 20;
                JsonNode contact = c.path("tables").get(0);
                assertThat(c.path("target").asText()).endsWith("t_" + c.path("context").asText());
                assertThat(contact.path("table").asText()).isEqualTo("contact");
                assertThat(contact.path("rows").asLong()).isEqualTo(expected);
                assertThat(contact.path("lastAction").path("inserts").asLong()).isEqualTo(expected);
            }
        }
    }
}
