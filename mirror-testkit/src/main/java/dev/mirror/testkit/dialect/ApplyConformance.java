package dev.mirror.testkit.dialect;

import static dev.mirror.api.model.RowChange.delete;
import static dev.mirror.api.model.RowChange.insert;
import static dev.mirror.api.model.RowChange.update;
import static dev.mirror.testkit.dialect.KitAssert.assertRows;
import static dev.mirror.testkit.dialect.KitAssert.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkProgress;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The set-wise, idempotent apply: upsert semantics, missing deletes, last change wins, replays, counts. */
public interface ApplyConformance extends KitAccess {

    private static TableSchema schema() {
        return new TableSchema("apply", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true),
                Column.of("amount", SqlType.decimal(SqlServerType.DECIMAL, 10, 2), true)), List.of("id"));
    }

    private static String loaded(Kit kit, TableSchema schema, String suffix) throws Exception {
        String table = kit.table(suffix);
        kit.create(table, schema);
        kit.dialect().bulk().bulkLoad(kit.connection(), table, schema, List.of(Row.of(1, "one", new BigDecimal("1.00")),
                Row.of(2, "two", new BigDecimal("2.00")), Row.of(3, "three", null), Row.of(4, "four", null),
                Row.of(5, "five", new BigDecimal("5.00"))).iterator(), BulkProgress.NONE);
        kit.commit();
        return table;
    }

    @Test
    default void appliesInsertsUpdatesDeletesIdempotently() throws Exception {
        Kit kit = kit();
        TableSchema schema = schema();
        String table = loaded(kit, schema, "apply_mixed");
        List<RowChange> batch = List.of(update(1, "uno", new BigDecimal("1.50")), delete(2, null, null),
                insert(6, "six", new BigDecimal("6.00")), delete(99, null, null), insert(3, "drei", new BigDecimal("3.00")));
        List<List<Object>> expected = List.of(row(1, "uno", new BigDecimal("1.50")), row(3, "drei", new BigDecimal("3.00")),
                row(4, "four", null), row(5, "five", new BigDecimal("5.00")), row(6, "six", new BigDecimal("6.00")));

        TableCounts counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, batch.iterator());
        kit.commit();
        assertThat(counts).as("counts by operation as received").isEqualTo(new TableCounts(2, 1, 2));
        assertRows("table after the batch (deleting missing key 99 is a no-op, inserting existing key 3 updates it)",
                kit.readAll(table, schema), expected);

        counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, batch.iterator());
        kit.commit();
        assertThat(counts).as("counts of the replayed batch").isEqualTo(new TableCounts(2, 1, 2));
        assertRows("table after applying the same batch twice", kit.readAll(table, schema), expected);
    }

    @Test
    default void lastChangeToAKeyWins() throws Exception {
        Kit kit = kit();
        TableSchema schema = schema();
        String table = loaded(kit, schema, "apply_last");
        List<RowChange> batch = List.of(insert(10, "a", null), update(10, "b", null), delete(10, null, null),
                insert(10, "c", new BigDecimal("10.00")), insert(11, "x", null), delete(11, null, null),
                update(1, "u1", null), update(1, "u2", null), delete(3, null, null), insert(3, "back", null),
                update(5, "gone soon", null), delete(5, null, null));
        TableCounts counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, batch.iterator());
        kit.commit();
        assertThat(counts).isEqualTo(new TableCounts(4, 4, 4));
        assertRows("last change per key wins", kit.readAll(table, schema), List.of(row(1, "u2", null),
                row(2, "two", new BigDecimal("2.00")), row(3, "back", null), row(4, "four", null),
                row(10, "c", new BigDecimal("10.00"))));
    }

    @Test
    default void appliesToCompositeAndKeyOnlyTables() throws Exception {
        Kit kit = kit();
        TableSchema composite = new TableSchema("apply_composite", List.of(Column.of("a", SqlType.of(SqlServerType.INT), false),
                Column.of("b", SqlType.ofLength(SqlServerType.NVARCHAR, 10), false),
                Column.of("v", SqlType.of(SqlServerType.BIGINT), true)), List.of("a", "b"));
        String t1 = kit.table("apply_composite");
        kit.create(t1, composite);
        kit.dialect().changes().applyChanges(kit.connection(), t1, composite, List.of(insert(1, "x", 1L), insert(1, "y", 2L),
                insert(2, "x", 3L), delete(1, "x", null), update(2, "x", 4L)).iterator());
        kit.commit();
        assertRows("composite keys", kit.readAll(t1, composite), List.of(row(1, "y", 2L), row(2, "x", 4L)));

        TableSchema keyOnly = new TableSchema("apply_key_only", List.of(Column.of("a", SqlType.of(SqlServerType.INT), false),
                Column.of("b", SqlType.of(SqlServerType.UNIQUEIDENTIFIER), false)), List.of("a", "b"));
        String t2 = kit.table("apply_key_only");
        kit.create(t2, keyOnly);
        java.util.UUID u = java.util.UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");
        kit.dialect().changes().applyChanges(kit.connection(), t2, keyOnly, List.of(insert(1, u), insert(1, u), insert(2, u),
                delete(2, u), delete(3, u)).iterator());
        kit.commit();
        assertRows("a table whose columns are all key columns", kit.readAll(t2, keyOnly), List.of(row(1, u)));
    }

    @Test
    default void emptyBatchChangesNothing() throws Exception {
        Kit kit = kit();
        TableSchema schema = schema();
        String table = loaded(kit, schema, "apply_empty");
        TableCounts counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema,
                Collections.<RowChange>emptyIterator());
        kit.commit();
        assertThat(counts).isEqualTo(TableCounts.ZERO);
        assertThat(kit.count(table)).isEqualTo(5);
    }

    @Test
    default void dialectNeverCommits() throws Exception {
        Kit kit = kit();
        TableSchema schema = schema();
        String table = loaded(kit, schema, "apply_rollback");
        kit.dialect().changes().applyChanges(kit.connection(), table, schema, List.of(delete(1, null, null),
                insert(7, "seven", null)).iterator());
        kit.dialect().bulk().bulkLoad(kit.connection(), table, schema, List.of(Row.of(8, "eight", null)).iterator(),
                BulkProgress.NONE);
        kit.connection().rollback();
        assertRows("a rolled-back apply and load leave no trace", kit.readAll(table, schema), List.of(
                row(1, "one", new BigDecimal("1.00")), row(2, "two", new BigDecimal("2.00")), row(3, "three", null),
                row(4, "four", null), row(5, "five", new BigDecimal("5.00"))));
    }
}
