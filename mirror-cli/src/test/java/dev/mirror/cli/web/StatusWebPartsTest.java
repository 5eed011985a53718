package dev.mirror.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.core.Redactor;
import dev.mirror.core.metadata.MetadataRow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status page's parts without a server: escaping of hostile names, redaction, the token gate, readiness. */
class StatusWebPartsTest {
    static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void hostileTableNamesAndMessagesAreEscapedAndSecretsMasked() {
        Redactor redactor = new Redactor();
        redactor.addSecret("hunter2-secret");
        StatusBoard board = new StatusBoard(Clock.fixed(T0, ZoneOffset.UTC));
        board.attach(redactor);
        board.onCycleCompleted(ctx("Evil"), new CycleReport(dev.mirror.api.ContextId.of("Evil"), T0, T0.plusSeconds(2), List.of(
                new TableReport(HOSTILE, SchemaAction.FAILED, "failed", TableCounts.ZERO, -1, false,
                        "boom " + HOSTILE + " password=hunter2-secret"))));
        ContextStatus status = new ContextStatus("Evil", "jdbc:postgresql://h/db?password=****", "Evil_mirroring",
                List.of(new MetadataRow(HOSTILE, "abc", -1, "fail<ed>", null, LocalDateTime.of(2026, 12, 1, 10, 0), HOSTILE)),
                Map.of(), new dev.mirror.api.admin.StatusDetails(
                        Map.of(HOSTILE, List.of(dev.mirror.api.admin.Detail.text("hostile", HOSTILE, HOSTILE + " hunter2-secret", HOSTILE))),
                        List.of(dev.mirror.api.admin.Detail.text("where", HOSTILE, HOSTILE + " hunter2-secret", HOSTILE))),
                "details failed: " + HOSTILE + " hunter2-secret", "cannot read: " + HOSTILE + " hunter2-secret");
        PageData data = new PageData(T0, new Readiness.State(false, HOSTILE), List.of(status), board);
        String html = new StatusPage(redactor).page(data);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("hunter2-secret")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("class=\"state failed\"").contains("****").contains("cannot read the source's status details");
        assertThat(html).containsOnlyOnce("<script"); // the page's own app.js, nothing else
        String json = StatusJson.write(new StatusJson(redactor).page(data), false);
        assertThat(json).doesNotContain("hunter2-secret").contains("password=****");
    }

    @Test
    void chartsHaveAPointPerCycleAndSayWhenThereIsNone() {
        assertThat(Charts.rowsPerSecond(List.of())).contains("no cycle yet").doesNotContain("polyline");
        List<CycleReport> cycles = List.of(cycle(0, 1000, 100), cycle(10, 500, 0), cycle(20, 2000, 4000));
        String svg = Charts.rowsPerSecond(cycles);
        assertThat(svg).startsWith("<svg id=\"chart-rows\"").contains("<polyline class=\"line\" points=\"");
        assertThat(svg.split("<circle").length - 1).isEqualTo(3);
        assertThat(Charts.rowsPerSecond(cycle(0, 2000, 4000))).isEqualTo(2000.0);
        assertThat(Charts.niceCeiling(0)).isEqualTo(1);
        assertThat(Charts.niceCeiling(2001)).isEqualTo(5000);
        assertThat(Charts.duration(cycles)).contains("<svg id=\"chart-duration\"");
    }

    @Test
    void theTokenIsRequiredAndComparedWhateverItsLength() {
        TokenGate gate = new TokenGate("0123456789abcdef-token");
        Headers none = new Headers();
        assertThat(gate.admits(none, URI.create("/"))).isFalse();
        assertThat(gate.admits(headers("Authorization", "Bearer 0123456789abcdef-token"), URI.create("/"))).isTrue();
        assertThat(gate.admits(headers("Authorization", "Bearer 0123456789abcdef-toke"), URI.create("/"))).isFalse();
        assertThat(gate.admits(headers("Authorization", "Bearer x"), URI.create("/"))).isFalse();
        assertThat(gate.admits(none, URI.create("/?token=0123456789abcdef-token"))).isTrue();
        assertThat(gate.admits(headers("Cookie", "a=b; mirror_token=" + gate.cookieValue()), URI.create("/"))).isTrue();
        assertThat(gate.cookieValue()).doesNotContain("token").hasSize(64);
        assertThat(gate.admits(headers("Cookie", "mirror_token=0123456789abcdef-token"), URI.create("/"))).isFalse();
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreAnswered() {
        TokenGate open = new TokenGate(null);
        for (String host : List.of("127.0.0.1:9464", "localhost:9464", "localhost", "[::1]:9464", "127.0.0.2")) {
            assertThat(open.admits(headers("Host", host), URI.create("/"))).as(host).isTrue();
        }
        for (String host : List.of("evil.example:9464", "127.0.0.1.evil.example", "10.0.0.1:9464", "")) {
            assertThat(open.admits(headers("Host", host), URI.create("/"))).as(host).isFalse();
        }
        assertThat(open.admits(new Headers(), URI.create("/"))).isFalse();
    }

    @Test
    void readinessFollowsTheTargetAndLongFailures() {
        MutableClock clock = new MutableClock();
        StatusBoard board = new StatusBoard(clock);
        boolean[] up = {false};
        Readiness r = new Readiness(() -> List.of("C"), c -> {
            if (!up[0]) {
                throw new IllegalStateException("connection refused password=abc123");
            }
        }, board, Duration.ofMinutes(5), clock, new Redactor());
        assertThat(r.state().ready()).as("not probed yet").isFalse();
        r.probe();
        assertThat(r.state()).isEqualTo(new Readiness.State(false, "the target of context C cannot be reached"));
        assertThat(r.targetDetail()).contains("connection refused").doesNotContain("abc123");
        up[0] = true;
        r.probe();
        assertThat(r.state().ready()).isTrue();
        board.cycleFailed(dev.mirror.api.MirrorException.target("X", false, "down", null), null);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(r.state().ready()).as("failing for less than notReadyAfter").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(r.state().ready()).isFalse();
        assertThat(r.state().reason()).contains("longer than run.http.notReadyAfter (5m)");
        board.onCycleCompleted(ctx("C"), cycle(0, 10, 1));
        assertThat(r.state().ready()).as("a completed cycle ends the failure").isTrue();
    }

    private static CycleReport cycle(int at, long millis, int inserts) {
        Instant start = T0.plusSeconds(at);
        return new CycleReport(dev.mirror.api.ContextId.of("C"), start, start.plusMillis(millis), List.of(
                new TableReport("contact", SchemaAction.NONE, "unchanged", new TableCounts(inserts, 0, 0), 1, false, null)));
    }

    private static Headers headers(String name, String value) {
        Headers h = new Headers();
        h.add(name, value);
        return h;
    }

    private static HookContext ctx(String id) {
        return new HookContext() {
            @Override
            public dev.mirror.api.ContextId contextId() {
                return dev.mirror.api.ContextId.of(id);
            }

            @Override
            public dev.mirror.api.hook.TargetSession target() {
                throw new UnsupportedOperationException();
            }
        };
    }

    static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
