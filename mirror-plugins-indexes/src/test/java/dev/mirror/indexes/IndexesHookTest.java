package dev.mirror.indexes;

import static dev.mirror.indexes.Fixtures.CONTACT;
import static dev.mirror.indexes.Fixtures.event;
import static dev.mirror.indexes.Fixtures.hook;
import static dev.mirror.indexes.Fixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ContextId;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.dialect.Capability;
import dev.mirror.testkit.hook.KitDialect;
import dev.mirror.testkit.hook.KitHookContext;
import dev.mirror.testkit.hook.RecordingTargetSession;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexesHookTest {
    private final RecordingTargetSession session = new RecordingTargetSession();
    private final HookContext ctx = new KitHookContext("Cust1", session);

    @Test
    void createdTableGetsItsIndexesAfterThePopulationNotBefore() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.CREATED));
        hook.onTableWiped(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.log()).as("calls before the load").isEmpty();

        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.log()).containsExactly(
                "indexes: contact",
                "createIndex: CREATE INDEX \"ix_contact_name\" ON \"contact\" (\"name\" ASC, \"department\" DESC)",
                "createIndex: CREATE INDEX \"ix_contact_business\" ON \"contact\" (\"business_idx\" ASC)");
        assertThat(hook.problems()).isEmpty();
    }

    @Test
    void recreatedTableGetsItsIndexesAfterThePopulation() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.RECREATED));
        assertThat(session.statements()).isEmpty();
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).hasSize(2).allMatch(s -> s.startsWith("CREATE INDEX"));
    }

    @Test
    void presentIndexesCostOneCatalogQueryAndNoStatement() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        session.addIndex("contact", "ix_contact_name");
        session.addIndex("contact", "ix_contact_business");
        for (SchemaAction action : List.of(SchemaAction.NONE, SchemaAction.ALTERED)) {
            session.clearLog();
            hook.onCycleStarted(ctx);
            hook.onTableReconciled(event(ctx, CONTACT, action));
            assertThat(session.log()).containsExactly("indexes: contact");
        }
    }

    @Test
    void indexDroppedByHandComesBackNextCycle() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        runFirstCycle(hook);
        session.dropIndex("contact", "ix_contact_name");
        session.clearLog();

        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).containsExactly(
                "CREATE INDEX \"ix_contact_name\" ON \"contact\" (\"name\" ASC, \"department\" DESC)");
    }

    @Test
    void undeclaredIndexIsLeftAlone() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        session.addIndex("contact", "ix_made_by_hand");
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.CREATED));
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.ALTERED));
        assertThat(session.log()).noneMatch(s -> s.contains("ix_made_by_hand"));
        assertThat(session.statements()).allMatch(s -> s.startsWith("CREATE INDEX")).hasSize(2);
    }

    @Test
    void existingIndexNamesMatchCaseInsensitively() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        session.addIndex("contact", "IX_CONTACT_NAME"); // how H2 reports a name created unquoted
        session.addIndex("contact", "Ix_Contact_Business");
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).isEmpty();
    }

    @Test
    void tableNamesMatchCaseInsensitively() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        TableSchema upper = new TableSchema("CONTACT", CONTACT.columns(), CONTACT.primaryKey());
        hook.onTablePopulated(event(ctx, upper, SchemaAction.NONE));
        assertThat(session.statements()).hasSize(2);
    }

    @Test
    void failingIndexIsReportedAndTheOthersAreStillBuiltAndItIsRetriedNextCycle() {
        IndexesHook hook = hook(Map.of("tables", Map.of("contact", List.of(
                index("ux_contact_name", List.of("name"), "unique", true),
                index("ix_contact_business", List.of("business_idx"))))));
        session.failWhen(s -> s.contains("ux_contact_name"), "duplicate key value violates unique constraint");
        hook.onCycleStarted(ctx);
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));

        assertThat(session.statements()).contains("CREATE INDEX \"ix_contact_business\" ON \"contact\" (\"business_idx\" ASC)");
        assertThat(hook.problems()).containsExactly(new IndexProblem(ContextId.of("Cust1"), "contact", "ux_contact_name",
                "duplicate key value violates unique constraint"));
        hook.onCycleCompleted(ctx, new CycleReport(ContextId.of("Cust1"), Instant.EPOCH, Instant.EPOCH, List.of()));
        assertThat(hook.problems(ContextId.of("Cust1"))).as("kept until the next cycle starts").hasSize(1);

        session.failWhen(s -> false, "");
        session.clearLog();
        hook.onCycleStarted(ctx);
        assertThat(hook.problems()).as("problems are per cycle").isEmpty();
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).containsExactly("CREATE UNIQUE INDEX \"ux_contact_name\" ON \"contact\" (\"name\" ASC)");
        assertThat(hook.problems()).isEmpty();
    }

    @Test
    void includeAndFilterAreRefusedWhereTheTargetCannotAndTheOthersBuilt() {
        IndexesHook hook = hook(Map.of("tables", Map.of("contact", List.of(
                index("ix_inc", List.of("name"), "include", List.of("business_idx")),
                index("ix_flt", List.of("name"), "filter", "deleted = 0"),
                index("ix_plain", List.of("department"))))));
        hook.onCycleStarted(ctx);
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).containsExactly("CREATE INDEX \"ix_plain\" ON \"contact\" (\"department\" ASC)");
        assertThat(hook.problems()).extracting(IndexProblem::index).containsExactly("ix_inc", "ix_flt");
        assertThat(hook.problems().get(0).reason()).contains("INDEX_INCLUDE", "kit");
        assertThat(hook.problems().get(1).reason()).contains("INDEX_FILTER");
    }

    @Test
    void includeAndFilterGoThroughTheDialectWhereSupported() {
        RecordingTargetSession capable = new RecordingTargetSession(
                new KitDialect("kit-pg", EnumSet.of(Capability.INDEX_INCLUDE, Capability.INDEX_FILTER)));
        HookContext c = new KitHookContext("Cust1", capable);
        IndexesHook hook = hook(Map.of("tables", Map.of("contact", List.of(
                index("ix_contact_name", List.of("NAME", "department desc"), "include", List.of("Business_Idx"),
                        "filter", "deleted = 0")))));
        hook.onTablePopulated(event(c, CONTACT, SchemaAction.NONE));
        assertThat(capable.statements()).containsExactly("CREATE INDEX \"ix_contact_name\" ON \"contact\" "
                + "(\"name\" ASC, \"department\" DESC) INCLUDE (\"business_idx\") WHERE deleted = 0");
    }

    @Test
    void unknownColumnIsReported() {
        IndexesHook hook = hook(Map.of("tables", Map.of("contact", List.of(index("ix_bad", List.of("no_such_column"))))));
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(session.statements()).isEmpty();
        assertThat(hook.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo("ix_bad");
            assertThat(p.reason()).contains("no_such_column", "contact_id, name, department, business_idx, deleted");
        });
    }

    @Test
    void identifiersAreQuotedThroughTheDialect() {
        TableSchema odd = new TableSchema("we\"ird", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("na\"me", SqlType.of(SqlServerType.INT), true)), List.of("id"));
        IndexesHook hook = hook(Map.of("tables", Map.of("we\"ird", List.of(index("ix\"x", List.of("na\"me desc"))))));
        hook.onTablePopulated(new dev.mirror.api.hook.TableEvent(ctx, odd.name(), odd, SchemaAction.NONE, ""));
        assertThat(session.statements()).containsExactly("CREATE INDEX \"ix\"\"x\" ON \"we\"\"ird\" (\"na\"\"me\" DESC)");
    }

    @Test
    void failureToListIndexesIsReportedForTheTable() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        session.failWhen(s -> s.startsWith("indexes:"), "connection reset");
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(hook.problems()).containsExactly(new IndexProblem(ContextId.of("Cust1"), "contact", "*",
                "cannot list the table's indexes: connection reset"));
        assertThat(session.statements()).isEmpty();
    }

    @Test
    void tablesWithoutDeclaredIndexesCostNothing() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        TableSchema other = new TableSchema("person", CONTACT.columns(), CONTACT.primaryKey());
        for (SchemaAction a : SchemaAction.values()) {
            hook.onTableReconciled(event(ctx, other, a));
        }
        hook.onTablePopulated(event(ctx, other, SchemaAction.NONE));
        assertThat(session.log()).isEmpty();
    }

    @Test
    void droppedBlockedAndFailedTablesAreNotTouched() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        for (SchemaAction a : List.of(SchemaAction.DROPPED, SchemaAction.BLOCKED, SchemaAction.FAILED)) {
            hook.onTableReconciled(event(ctx, CONTACT, a));
        }
        hook.onTableDropped(new dev.mirror.api.hook.TableEvent(ctx, "contact", null, SchemaAction.DROPPED, "gone"));
        assertThat(session.log()).isEmpty();
    }

    @Test
    void problemsAreKeptPerContext() {
        IndexesHook hook = hook(Fixtures.twoIndexes());
        RecordingTargetSession broken = new RecordingTargetSession().failEverything("refused");
        HookContext other = new KitHookContext("Cust2", broken);
        hook.onCycleStarted(ctx);
        hook.onCycleStarted(other);
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        hook.onTablePopulated(event(other, CONTACT, SchemaAction.NONE));
        assertThat(hook.problems(ContextId.of("Cust1"))).isEmpty();
        assertThat(hook.problems(ContextId.of("Cust2"))).hasSize(1);
        hook.onCycleStarted(ctx);
        assertThat(hook.problems(ContextId.of("Cust2"))).as("another context's new cycle clears nothing here").hasSize(1);
    }

    private void runFirstCycle(IndexesHook hook) {
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.CREATED));
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));
        session.clearLog();
    }
}
