package dev.mirror.indexes;

import static dev.mirror.indexes.Fixtures.CONTACT;
import static dev.mirror.indexes.Fixtures.event;
import static dev.mirror.indexes.Fixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ContextId;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.hook.JdbcTargetSession;
import dev.mirror.testkit.hook.KitHookContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indexes hook against a real database, driven through the events core sends: declared indexes exist
 * after create, after recreate and after repopulation (and not before the load); one dropped by hand comes
 * back next cycle; an undeclared one is left alone; a unique violation is reported while the rest is built.
 */
abstract class AbstractIndexesDatabaseTest {
    private Connection connection;
    private JdbcTargetSession session;
    private HookContext ctx;
    private IndexesHook hook;

    /** An open connection whose default schema is empty and private to the test. */
    protected abstract Connection connect() throws SQLException;

    protected abstract TargetDialect dialect();

    /** Called after the test, before the connection is closed. */
    protected void cleanUp(Connection c) throws SQLException {
    }

    @BeforeEach
    void setUp() throws SQLException {
        connection = connect();
        session = new JdbcTargetSession(connection, dialect());
        ctx = new KitHookContext("Cust1", session);
        hook = Fixtures.hook(Map.of("tables", Map.of("contact", List.of(
                index("ix_contact_name", List.of("name", "department desc")),
                index("ix_contact_business", List.of("business_idx")),
                index("ux_contact_name", List.of("name"), "unique", true),
                index("ix_contact_active", List.of("department"), "include", List.of("name"), "filter", "deleted = 0")))));
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (connection != null) {
            try {
                cleanUp(connection);
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void keepsDeclaredIndexesThroughCreateRepairAndRecreate() {
        boolean includeAndFilter = dialect().capabilities().containsAll(Set.of(Capability.INDEX_INCLUDE, Capability.INDEX_FILTER));

        // Cycle 1: the table is created, then loaded, then populated is announced.
        hook.onCycleStarted(ctx);
        createAndLoad(CONTACT);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.CREATED));
        assertThat(declaredIndexesPresent()).as("declared indexes before the load").isEmpty();
        hook.onTablePopulated(event(ctx, CONTACT, SchemaAction.NONE));

        assertThat(declaredIndexesPresent()).containsExactlyInAnyOrderElementsOf(
                includeAndFilter ? List.of("ix_contact_name", "ix_contact_business", "ix_contact_active")
                        : List.of("ix_contact_name", "ix_contact_business"));
        assertThat(hook.problems(ContextId.of("Cust1"))).extracting(IndexProblem::index).containsExactlyInAnyOrderElementsOf(
                includeAndFilter ? List.of("ux_contact_name") : List.of("ux_contact_name", "ix_contact_active"));
        assertThat(hook.problems(ContextId.of("Cust1"))).filteredOn(p -> p.index().equals("ux_contact_name")).singleElement()
                .satisfies(p -> assertThat(p.table()).isEqualTo("contact"));

        // By hand: one declared index dropped, one undeclared added.
        session.execute("DROP INDEX " + dialect().names().quote("ix_contact_name"));
        session.execute("CREATE INDEX " + dialect().names().quote("ix_by_hand") + " ON " + dialect().names().quote("contact")
                + " (" + dialect().names().quote("deleted") + ")");

        // Cycle 2: nothing changed in the schema; the missing index comes back, the other is left alone.
        hook.onCycleStarted(ctx);
        hook.onTableReconciled(event(ctx, CONTACT, SchemaAction.NONE));
        assertThat(indexes()).contains("ix_contact_name", "ix_contact_business", "ix_by_hand");
        assertThat(hook.problems(ContextId.of("Cust1"))).extracting(IndexProblem::index).contains("ux_contact_name");

        // Cycle 3: a type change forces a recreate and a full reload: indexes come after the load again.
        TableSchema changed = new TableSchema("contact", CONTACT.columns().stream()
                .map(c -> c.name().equals("business_idx") ? c.withType(SqlType.of(SqlServerType.BIGINT)) : c).toList(),
                CONTACT.primaryKey());
        hook.onCycleStarted(ctx);
        session.execute(dialect().ddl().dropTable("contact"));
        createAndLoad(changed);
        hook.onTableReconciled(event(ctx, changed, SchemaAction.RECREATED));
        assertThat(declaredIndexesPresent()).as("declared indexes before the reload").isEmpty();
        hook.onTablePopulated(event(ctx, changed, SchemaAction.NONE));
        assertThat(declaredIndexesPresent()).contains("ix_contact_name", "ix_contact_business");

        // Cycle 4: the duplicates are gone at the source; the unique index is finally built.
        hook.onCycleStarted(ctx);
        session.execute("UPDATE " + dialect().names().quote("contact") + " SET " + dialect().names().quote("name") + " = "
                + dialect().names().quote("name") + " || CAST(" + dialect().names().quote("contact_id") + " AS varchar(10))");
        hook.onTableReconciled(event(ctx, changed, SchemaAction.NONE));
        assertThat(declaredIndexesPresent()).contains("ux_contact_name");
        assertThat(hook.problems(ContextId.of("Cust1"))).extracting(IndexProblem::index).doesNotContain("ux_contact_name");
    }

    private void createAndLoad(TableSchema schema) {
        dialect().ddl().createTable("contact", schema).forEach(session::execute);
        String q = "INSERT INTO " + dialect().names().quote("contact") + " VALUES ";
        session.execute(q + "(1, 'Acme', 'Sales', 10, 0), (2, 'Acme', 'Support', 11, 0), (3, 'Bolt', 'Sales', 12, 1)");
    }

    private List<String> declaredIndexesPresent() {
        Set<String> declared = Set.of("ix_contact_name", "ix_contact_business", "ux_contact_name", "ix_contact_active");
        return indexes().stream().filter(declared::contains).toList();
    }

    private Set<String> indexes() {
        return session.indexes("contact").stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
