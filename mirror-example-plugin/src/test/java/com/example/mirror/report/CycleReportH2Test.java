package com.example.mirror.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ContextId;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.testkit.hook.JdbcTargetSession;
import dev.mirror.h2.H2DialectProvider;
import dev.mirror.testkit.hook.KitHookContext;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example plugin on the embedded target (the real H2 dialect): the table is created and gets one row per cycle. */
class CycleReportH2Test {
    @Test
    void writesOneRowPerCompletedCycle() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:cycle_report_" + System.nanoTime())) {
            JdbcTargetSession session = new JdbcTargetSession(c,
                    new H2DialectProvider().create(new MapPluginConfig("target", Map.of()).context()));
            HookContext ctx = new KitHookContext("Cust10195", session);
            LifecycleHook hook = new CycleReportHookProvider().create(new MapPluginConfig("hooks[0]", Map.of()).context());

            Instant t0 = Instant.parse("2024-05-01T10:00:00.250Z");
            hook.onCycleCompleted(ctx, new CycleReport(ContextId.of("Cust10195"), t0, t0.plusSeconds(2), List.of(
                    new TableReport("contact", SchemaAction.CREATED, "new", new TableCounts(5, 0, 0), 7, true, null))));
            hook.onCycleCompleted(ctx, new CycleReport(ContextId.of("Cust10195"), t0.plusSeconds(60), t0.plusSeconds(61), List.of(
                    new TableReport("contact", SchemaAction.NONE, "", new TableCounts(1, 2, 3), 9, false, null),
                    new TableReport("person", SchemaAction.FAILED, "", TableCounts.ZERO, -1, false, "refused"))));

            List<List<Object>> rows = session.query("SELECT \"context\", \"started\", \"tables\", \"inserts\", \"updates\", "
                    + "\"deletes\", \"failures\" FROM \"mirror_cycle_report\" ORDER BY \"started\"");
            assertThat(((CycleReportHook) hook).problems()).isEmpty();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsExactly("Cust10195", Timestamp.valueOf("2024-05-01 10:00:00.25"), 1, 5L, 0L, 0L, 0);
            assertThat(rows.get(1)).containsExactly("Cust10195", Timestamp.valueOf("2024-05-01 10:01:00.25"), 2, 1L, 2L, 3L, 1);

            // Dropped by hand: reported once, then created again on the next cycle.
            session.execute("DROP TABLE \"mirror_cycle_report\"");
            hook.onCycleCompleted(ctx, new CycleReport(ContextId.of("Cust10195"), t0.plusSeconds(120), t0.plusSeconds(121), List.of()));
            hook.onCycleCompleted(ctx, new CycleReport(ContextId.of("Cust10195"), t0.plusSeconds(180), t0.plusSeconds(181), List.of()));
            assertThat(((CycleReportHook) hook).problems()).hasSize(1);
            assertThat(session.query("SELECT COUNT(*) FROM \"mirror_cycle_report\"")).containsExactly(List.of(1L));
        }
    }
}
