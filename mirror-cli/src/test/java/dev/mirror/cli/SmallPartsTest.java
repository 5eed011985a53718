package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
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
    void metricsAreWrittenInPrometheusFormat() {
        try (Metrics m = new Metrics()) {
            m.cycle(new CycleReport(dev.mirror.api.ContextId.of("C"), Instant.now().minusSeconds(2), Instant.now(), List.of(
                    new TableReport("contact", SchemaAction.NONE, "unchanged", new TableCounts(3, 2, 1), 5, false, null),
                    new TableReport("sale", SchemaAction.FAILED, "failed", TableCounts.ZERO, 4, false, "boom"))));
            assertThat(m.scrape()).contains("mirror_rows_applied_total{operation=\"insert\",table=\"contact\"} 3.0")
                    .contains("mirror_table_failures_total{table=\"sale\"} 1.0")
                    .contains("mirror_table_lag_seconds{table=\"contact\"}")
                    .contains("mirror_cycle_duration_seconds_count 1");
        }
    }
}
