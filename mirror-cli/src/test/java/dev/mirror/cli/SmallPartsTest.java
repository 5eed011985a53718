package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.core.config.ConfigProblems;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void durations() {
        assertThat(Durations.parse("20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("20x")).hasMessageContaining("not a duration");
    }

    @Test
    void pauseWindowWrapsPastMidnight() {
        ConfigProblems problems = new ConfigProblems();
        RunSettings s = RunSettings.bind(Map.of("pause", Map.of("from", "22:00", "to", "06:00")), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(s.paused(LocalTime.of(23, 0))).isTrue();
        assertThat(s.paused(LocalTime.of(5, 59))).isTrue();
        assertThat(s.paused(LocalTime.of(6, 0))).isFalse();
        assertThat(s.paused(LocalTime.of(12, 0))).isFalse();
        RunSettings yaml11 = RunSettings.bind(Map.of("pause", Map.of("from", 1320, "to", "23:00")), problems);
        assertThat(yaml11.pauseFrom()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void progressPrintsPlainLinesWhenNotATerminal() {
        StringWriter w = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(w), false, 0);
        p.populationStarted("contact");
        p.populating("contact", 1000);
        p.populationFinished("contact", 2000, 1_000_000_000L);
        assertThat(w.toString()).doesNotContain("\r").contains("PROGRESS contact").contains("2,000 rows").contains("done");
        StringWriter t = new StringWriter();
        ProgressPrinter tty = new ProgressPrinter(new PrintWriter(t), true, 0);
        tty.populationStarted("person");
        tty.populationFinished("person", 10, 1_000_000L);
        assertThat(t.toString()).contains("\rPROGRESS".replace("PROGRESS", "  PROGRESS"));
    }

    @Test
    void metricsAreServedInPrometheusFormat() throws Exception {
        try (Metrics m = new Metrics()) {
            m.cycle(new CycleReport("C", Instant.now().minusSeconds(2), Instant.now(), List.of(
                    new TableReport("contact", SchemaAction.NONE, "unchanged", new TableCounts(3, 2, 1), 5, false, null),
                    new TableReport("sale", SchemaAction.FAILED, "failed", TableCounts.ZERO, 4, false, "boom"))));
            int port = m.serve(0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("mirror_rows_applied_total{operation=\"insert\",table=\"contact\"} 3.0")
                    .contains("mirror_table_failures_total{table=\"sale\"} 1.0")
                    .contains("mirror_table_lag_seconds{table=\"contact\"}")
                    .contains("mirror_cycle_duration_seconds_count 1");
        }
    }
}
