package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error classification and index creation/introspection. */
public interface IndexAndErrorConformance extends KitAccess {

    private static TableSchema schema() {
        return new TableSchema("indexed", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("a", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true),
                Column.of("b col]\"", SqlType.of(SqlServerType.DATETIME), true),
                Column.of("c", SqlType.of(SqlServerType.INT), true)), List.of("id"));
    }

    @Test
    default void translatesDuplicateKeyAsNonRetryableTargetError() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        String table = kit.table("dup");
        kit.create(table, schema());
        kit.insertPlain(table, List.of("id"), 1);
        SQLException failure = null;
        try {
            kit.insertPlain(table, List.of("id"), 1);
        } catch (SQLException e) {
            failure = e;
        }
        kit.connection().rollback();
        assertThat((Object) failure).as("a duplicate primary key must fail").isNotNull();
        MirrorException m = d.errors().translate(failure, "inserting into kit_dup");
        assertThat(m.category()).as("category").isEqualTo(ErrorCategory.TARGET);
        assertThat(m.retryable()).as("a duplicate key is not retryable").isFalse();
        assertThat(m.getMessage()).as("message says what was being done").contains("inserting into kit_dup");
        assertThat((Object) m.getCause()).as("cause").isSameAs(failure);
    }

    @Test
    default void translatesStandardTransientStatesAsRetryable() {
        TargetDialect d = kit().dialect();
        // SQLSTATE class 40 (transaction rollback: deadlock, serialization failure) and class 08 (connection
        // exception) are transient by the SQL standard; every driver reports them this way.
        for (SQLException e : List.of(new SQLException("deadlock victim", "40001", 1205),
                new SQLException("connection reset", "08S01"), new SQLException("connection failure", "08006"))) {
            MirrorException m = d.errors().translate(e, "applying changes");
            assertThat(m.category()).as("category of %s", e.getSQLState()).isEqualTo(ErrorCategory.TARGET);
            assertThat(m.retryable()).as("SQLState %s is retryable", e.getSQLState()).isTrue();
        }
    }

    @Test
    default void createsAndListsIndexes() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        String table = kit.table("indexed");
        kit.create(table, schema());
        // Index names are prefixed with the table's so that they stay unique in targets with schema-wide index names.
        String ix1 = d.names().targetName("kit_indexed_ix_a_b");
        String ix2 = d.names().targetName("kit_indexed_ux_c");
        kit.exec(d.ddl().createIndex(table, new IndexDefinition(ix1, List.of(new IndexColumn(d.names().targetName("a"), false),
                new IndexColumn(d.names().targetName("b col]\""), true)), false, List.of(), null)));
        kit.exec(d.ddl().createIndex(table, new IndexDefinition(ix2, List.of(new IndexColumn(d.names().targetName("c"), false)), true,
                List.of(), null)));
        kit.commit();
        assertThat(d.catalog().listIndexes(kit.connection(), table)).as("listIndexes").contains(ix1, ix2);
        kit.insertPlain(table, List.of("id", "c"), 1, 7);
        kit.commit();
        assertThatThrownBy(() -> kit.insertPlain(table, List.of("id", "c"), 2, 7)).as("the unique index is enforced")
                .isInstanceOf(SQLException.class);
        kit.connection().rollback();

        IndexDefinition withInclude = new IndexDefinition(d.names().targetName("kit_indexed_ix_inc"),
                List.of(new IndexColumn(d.names().targetName("c"), false)), false, List.of(d.names().targetName("a")), null);
        if (d.capabilities().contains(Capability.INDEX_INCLUDE)) {
            kit.exec(d.ddl().createIndex(table, withInclude));
            kit.commit();
            assertThat(d.catalog().listIndexes(kit.connection(), table)).contains(withInclude.name());
        } else {
            assertThatThrownBy(() -> d.ddl().createIndex(table, withInclude)).as("INCLUDE without Capability.INDEX_INCLUDE")
                    .isInstanceOf(MirrorException.class);
        }
        IndexDefinition filtered = new IndexDefinition(d.names().targetName("kit_indexed_ix_filter"),
                List.of(new IndexColumn(d.names().targetName("a"), false)), false, List.of(),
                d.names().quote(d.names().targetName("a")) + " IS NOT NULL");
        if (d.capabilities().contains(Capability.INDEX_FILTER)) {
            kit.exec(d.ddl().createIndex(table, filtered));
            kit.commit();
            assertThat(d.catalog().listIndexes(kit.connection(), table)).contains(filtered.name());
        } else {
            assertThatThrownBy(() -> d.ddl().createIndex(table, filtered)).as("a filter without Capability.INDEX_FILTER")
                    .isInstanceOf(MirrorException.class);
        }
    }
}
