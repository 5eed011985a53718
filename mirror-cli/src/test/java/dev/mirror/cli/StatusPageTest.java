package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirror run --every} serves the status page, {@code /status.json} (each context in the shape of
 * {@code mirror status --json}), the probes and the metrics on one port; {@code /readyz} goes false while the target
 * (an H2 TCP server behind a relay) cannot be reached and true again once it is back, while {@code /healthz} stays
 * true.
 */
class StatusPageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern PORT = Pattern.compile("status page: http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void pageJsonProbesAndMetricsOnOnePortAndReadinessFollowsTheTarget() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-ifNotExists", "-baseDir", dir.toString()).start();
        int relayPort = freePort(); // the mirror reaches H2 through a relay that the test can cut and restore
        TcpRelay relay = new TcpRelay(relayPort, h2.getPort()).start();
        Path config = dir.resolve("mirror.yaml");
        Files.writeString(config, """
                context: Web
                source:
                  type: sample
                target:
                  url: jdbc:h2:tcp://127.0.0.1:%d/web;PASSWORD=sEcr3tPassw0rd
                  connectTimeoutSeconds: 2
                retry:
                  attempts: 1
                run:
                  every: 1s
                  lockTtl: 30s
                  backoff: {initial: 200ms, max: 1s}
                  http: {port: 0}
                """.formatted(relayPort));
        Cli.Running run = Cli.start("run", "--config", config.toString());
        try {
            run.awaitOut("status page: http://127.0.0.1:");
            int port = port(run);
            String base = "http://127.0.0.1:" + port;
            JsonNode status = await(base + "/status.json", j -> j.path("cycles").size() >= 3);
            JsonNode ctx = status.path("contexts").get(0);
            assertThat(ctx.path("context").asText()).isEqualTo("Web");
            assertThat(ctx.path("metadataTable").asText()).isEqualToIgnoringCase("Web_mirroring");
            assertThat(ctx.path("target").asText()).contains("PASSWORD=****").doesNotContain("sEcr3tPassw0rd");
            JsonNode contact = find(ctx.path("tables"), "contact");
            for (String key : List.of("table", "lsn", "schemaHash", "state", "rows", "lastChange", "message", "lastAction", "lastFailure")) {
                assertThat(contact.has(key)).as("tables[].%s in %s", key, contact).isTrue();
            }
            assertThat(contact.path("rows").asLong()).isPositive();
            assertThat(contact.path("state").asText()).isEqualTo("ok");
            assertThat(contact.path("lastAction").path("action").asText()).isNotEmpty();
            JsonNode cycle = status.path("cycles").get(0);
            assertThat(cycle.path("durationMillis").isNumber()).isTrue();
            assertThat(cycle.path("rowsPerSecond").isNumber()).isTrue();

            assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
            awaitStatus(base + "/readyz", 200);
            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
            assertThat(page.body()).contains("<svg id=\"chart-rows\"").contains("<svg id=\"chart-duration\"")
                    .contains("context Web").contains(">contact<").doesNotContain("sEcr3tPassw0rd");
            assertThat(get(base + "/fragment").body()).startsWith("<p id=\"readiness\"");
            assertThat(get(base + "/app.js").body()).contains("fetch('fragment'");
            assertThat(get(base + "/metrics").body()).contains("mirror_cycles_total");
            assertThat(get(base + "/nothing-here").statusCode()).isEqualTo(404);
            // Nagle off: the JDK server writes headers and body separately; with Nagle the body waited ~40 ms for the
            // client's delayed ACK, so no call on a kept-alive connection could be faster than that.
            long[] millis = new long[31];
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            assertThat(millis[millis.length / 2]).as("median ms per /healthz of %s", java.util.Arrays.toString(millis))
                    .isLessThan(35);

            relay.stop(); // the target goes away: not ready, but the process is alive
            HttpResponse<String> notReady = awaitStatus(base + "/readyz", 503);
            assertThat(notReady.body()).startsWith("not ready: the target of context Web cannot be reached")
                    .doesNotContain("sEcr3tPassw0rd");
            assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(base + "/").body()).contains("not ready");

            relay.start();
            awaitStatus(base + "/readyz", 200);
        } finally {
            run.stop();
            Cli.Result r = run.await();
            relay.close();
            h2.stop();
            assertThat(r.out() + r.err()).doesNotContain("sEcr3tPassw0rd");
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int port(Cli.Running run) throws Exception {
        Matcher m = PORT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static JsonNode find(JsonNode tables, String name) {
        for (JsonNode t : tables) {
            if (t.path("table").asText().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + tables);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode await(String url, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(url);
            if (r.statusCode() == 200) {
                last = JSON.readTree(r.body());
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached in time; last: " + last);
    }

    static HttpResponse<String> awaitStatus(String url, int code) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            r = get(url);
            if (r.statusCode() == code) {
                return r;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " did not answer " + code + "; last: " + (r == null ? null : r.statusCode() + " " + r.body()));
    }
}
