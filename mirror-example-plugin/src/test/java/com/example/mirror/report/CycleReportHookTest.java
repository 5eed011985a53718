package com.example.mirror.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ContextId;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.testkit.hook.KitHookContext;
import dev.mirror.testkit.hook.MapPluginConfig;
import dev.mirror.testkit.hook.RecordingTargetSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleReportHookTest {
    private static final CycleReport REPORT = new CycleReport(ContextId.of("Cust10195"),
            Instant.parse("2024-05-01T10:00:00.123Z"), Instant.parse("2024-05-01T10:00:05Z"), List.of(
            new TableReport("contact", SchemaAction.NONE, "unchanged", new TableCounts(3, 2, 1), 42, false, null),
            new TableReport("person", SchemaAction.CREATED, "new", new TableCounts(10, 0, 0), 42, true, null),
            new TableReport("sale", SchemaAction.FAILED, "bad", TableCounts.ZERO, -1, false, "refused")));

    private final RecordingTargetSession session = new RecordingTargetSession();
    private final HookContext ctx = new KitHookContext("Cust10195", session);

    @Test
    void createsTheMissingTableOnceThenWritesOneRowPerCycle() {
        CycleReportHook hook = create(Map.of());
        session.failWhen(s -> s.startsWith("query: SELECT COUNT(*)"), "relation does not exist");

        hook.onCycleCompleted(ctx, REPORT);
        session.failWhen(s -> false, "");
        hook.onCycleCompleted(ctx, REPORT);

        assertThat(session.statements()).containsExactly(
                "CREATE TABLE \"mirror_cycle_report\" (\"context\" varchar(128) NOT NULL, \"started\" timestamp(3) NOT NULL, "
                        + "\"finished\" timestamp(3) NOT NULL, \"tables\" integer NOT NULL, \"inserts\" bigint NOT NULL, "
                        + "\"updates\" bigint NOT NULL, \"deletes\" bigint NOT NULL, \"failures\" integer NOT NULL, "
                        + "PRIMARY KEY (\"context\", \"started\"))",
                insert(), insert());
        assertThat(hook.problems()).isEmpty();
    }

    @Test
    void existingTableIsNotCreatedAgain() {
        CycleReportHook hook = create(Map.of("table", "ops_report"));
        hook.onCycleCompleted(ctx, REPORT);
        assertThat(session.statements()).singleElement().asString().startsWith("INSERT INTO \"ops_report\"");
    }

    @Test
    void failureIsReportedNotThrownAndTheTableIsCheckedAgainNextCycle() {
        CycleReportHook hook = create(Map.of());
        session.failWhen(s -> s.startsWith("execute: INSERT"), "table dropped by someone");
        hook.onCycleCompleted(ctx, REPORT);
        assertThat(hook.problems()).singleElement().asString()
                .contains("Cust10195", "mirror_cycle_report", "table dropped by someone");

        session.failWhen(s -> false, "");
        session.clearLog();
        hook.onCycleCompleted(ctx, REPORT);
        assertThat(session.log()).first().asString().startsWith("query: SELECT COUNT(*) FROM \"mirror_cycle_report\"");
    }

    @Test
    void otherEventsDoNothing() {
        CycleReportHook hook = create(Map.of());
        hook.onCycleStarted(ctx);
        hook.onCycleFailed(ctx, new IllegalStateException("source unreachable"));
        assertThat(session.log()).isEmpty();
    }

    @Test
    void badTableNameIsAConfigurationProblem() {
        MapPluginConfig config = new MapPluginConfig("hooks[1]", Map.of("table", "report; drop table x"));
        new CycleReportHookProvider().create(config.context());
        assertThat(config.problems()).singleElement().asString().startsWith("hooks[1].table: 'report; drop table x' is not a simple table name");
    }

    private static String insert() {
        return "INSERT INTO \"mirror_cycle_report\" (\"context\", \"started\", \"finished\", \"tables\", \"inserts\", "
                + "\"updates\", \"deletes\", \"failures\") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "[Cust10195, 2024-05-01T10:00:00.123, 2024-05-01T10:00:05, 3, 13, 2, 1, 1]";
    }

    private static CycleReportHook create(Map<String, Object> configuration) {
        MapPluginConfig config = new MapPluginConfig("hooks[1]", configuration);
        CycleReportHook hook = (CycleReportHook) new CycleReportHookProvider().create(config.context());
        assertThat(config.problems()).isEmpty();
        return hook;
    }
}
