package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleSummaryTest {
    private static final CycleReport R = new CycleReport(dev.mirror.api.ContextId.of("Cust1"), Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:01.500Z"), List.of(
            new TableReport("contact", SchemaAction.CREATED, "new table", new TableCounts(100, 0, 0), 1, true, null),
            new TableReport("person", SchemaAction.NONE, "schema unchanged", TableCounts.ZERO, 1, false, null),
            new TableReport("sale", SchemaAction.NONE, "schema unchanged", new TableCounts(1, 2, 3), 2, false, "disk full")));

    @Test
    void rendersAlignedTableWithTotals() {
        String text = CycleSummary.render(R, "  ");
        assertThat(text).contains("contact  created").contains("FAILED: disk full")
                .contains("total: 3 tables, 101 inserts, 2 updates, 3 deletes, 1 failed, in 1.500 s");
        assertThat(text).doesNotContain("schema unchanged");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(2).indexOf("100") + 3).isEqualTo(lines.get(0).indexOf("inserts") + 7);
    }

    @Test
    void jsonHasStableFields() throws Exception {
        JsonNode n = new ObjectMapper().readTree(RunReport.json(List.of(R), "table-failures"));
        assertThat(n.get("status").asText()).isEqualTo("table-failures");
        JsonNode c = n.get("reports").get(0);
        assertThat(c.get("totals").get("failed").asInt()).isEqualTo(1);
        assertThat(c.get("tables").get(0).get("action").asText()).isEqualTo("created");
        assertThat(c.get("tables").get(2).get("error").asText()).isEqualTo("disk full");
        assertThat(c.get("durationMillis").asLong()).isEqualTo(1500);
    }
}
