package dev.mirror.testkit.dialect;

import static dev.mirror.api.model.SqlServerType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DDL and introspection: create with every type, defaults, add/drop/alter columns, drop, truncate, rename. */
public interface SchemaConformance extends KitAccess {

    @Test
    default void createsEveryTypeAndDescribesItExactly() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of("id", SqlType.of(INT), false));
        cols.add(Column.of("code", SqlType.ofLength(NVARCHAR, 20), false));
        int i = 0;
        for (TypeSamples.TypeCase c : TypeSamples.cases()) {
            cols.add(Column.of(c.column(), c.type(), i++ % 2 == 0));
        }
        cols.add(Column.of("c_numeric_default", SqlType.parse("numeric"), true));
        cols.add(KitDefaults.defaulted("c_defaulted", SqlType.of(INT), false, "((0))"));
        TableSchema schema = new TableSchema("every_type", cols, List.of("id", "code"));
        String table = kit.table("every_type");
        kit.create(table, schema);

        assertThat(d.catalog().listTables(kit.connection())).as("listTables after create").contains(table);
        Optional<List<TargetColumn>> described = d.catalog().describeTable(kit.connection(), table);
        assertThat(described).as("describeTable of an existing table").isPresent();
        List<TargetColumn> actual = described.get();
        assertThat(actual).as("described columns").hasSize(cols.size());
        for (int k = 0; k < cols.size(); k++) {
            Column c = cols.get(k);
            TargetColumn t = actual.get(k);
            assertThat(t.name()).as("name of column %d", k).isEqualTo(d.names().targetName(c.name()));
            assertThat(t.nativeType()).as("nativeType of %s %s", c.name(), c.type()).isEqualTo(d.types().columnType(c.type()));
            assertThat(t.nullable()).as("nullability of %s", c.name()).isEqualTo(c.nullable());
        }
        // The composite primary key exists: a duplicate (id, code) is refused, a different code is accepted.
        d.bulk().bulkLoad(kit.connection(), table, schema, List.of(fullRow(cols, 1, "a"), fullRow(cols, 1, "b")).iterator(),
                BulkProgress.NONE);
        kit.commit();
        assertThat(kit.count(table)).as("rows (1,'a') and (1,'b')").isEqualTo(2);
        assertThatThrownBy(() -> d.bulk().bulkLoad(kit.connection(), table, schema, List.of(fullRow(cols, 1, "a")).iterator(),
                BulkProgress.NONE)).as("duplicate composite primary key")
                .isInstanceOfAny(java.sql.SQLException.class, MirrorException.class);
        kit.connection().rollback();
        assertThat(d.catalog().describeTable(kit.connection(), d.names().targetName("kit_no_such_table"))).as("missing table").isEmpty();
    }

    /** A row with the key (id, code) and each other column's first sample value (0 for c_defaulted). */
    private static Row fullRow(List<Column> cols, int id, String code) {
        Object[] v = new Object[cols.size()];
        v[0] = id;
        v[1] = code;
        List<TypeSamples.TypeCase> cases = TypeSamples.cases();
        for (int i = 0; i < cases.size(); i++) {
            v[i + 2] = cases.get(i).values().get(0);
        }
        v[cols.size() - 1] = 0;
        return Row.of(v);
    }

    @Test
    default void translatesDefaultsWhereExpressible() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        List<Column> cols = List.of(Column.of("id", SqlType.of(INT), false),
                KitDefaults.defaulted("d_int", SqlType.of(INT), true, "((0))"),
                KitDefaults.defaulted("d_str", SqlType.ofLength(NVARCHAR, 10), true, "(N'')"),
                KitDefaults.defaulted("d_now", SqlType.of(DATETIME), true, "(getdate())"),
                KitDefaults.defaulted("d_ts", SqlType.of(DATETIME), true, "(N'1760-01-01 00:00:00')"),
                KitDefaults.defaulted("d_bit", SqlType.of(BIT), true, "((1))"),
                KitDefaults.defaulted("d_dec", SqlType.decimal(DECIMAL, 10, 2), true, "((1.50))"),
                KitDefaults.defaulted("d_neg", SqlType.of(BIGINT), true, "((-1))"),
                KitDefaults.defaulted("d_func", SqlType.of(INT), true, "([dbo].[fn_mirror_kit_unknown]())"));
        Object[] expected = {1, 0, "", null, LocalDateTime.of(1760, 1, 1, 0, 0), true, new BigDecimal("1.50"), -1L, null};
        TableSchema schema = new TableSchema("defaults", cols, List.of("id"));
        String table = kit.table("defaults");
        kit.create(table, schema);
        kit.insertPlain(table, List.of("id"), 1);
        kit.commit();
        List<Object> row = kit.readAll(table, schema).get(0);
        for (int i = 1; i < cols.size(); i++) {
            Column c = cols.get(i);
            Object v = row.get(i);
            if (d.types().defaultClause(c).isEmpty()) {
                assertThat(v).as("%s has no default clause, so a row without it holds NULL", c.name()).isNull();
            } else if (c.name().equals("d_now")) {
                assertThat(v).as("getdate() default").isInstanceOf(LocalDateTime.class);
                assertThat(((LocalDateTime) v).getYear()).as("getdate() default year").isGreaterThan(2000);
            } else {
                assertThat(KitValues.same(expected[i], v)).as("default of %s %s: expected %s, got %s", c.name(),
                        c.defaultExpression(), KitValues.describe(expected[i]), KitValues.describe(v)).isTrue();
            }
        }
    }

    @Test
    default void addsDropsAndWidensColumnsKeepingData() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        Column name = Column.of("name", SqlType.ofLength(NVARCHAR, 10), false);
        Column n = Column.of("n", SqlType.of(INT), true);
        Column amount = Column.of("amount", SqlType.decimal(DECIMAL, 10, 2), true);
        Column strict = Column.of("strict", SqlType.of(INT), false);
        Column gone = Column.of("gone", SqlType.ofLength(NVARCHAR, 10), true);
        TableSchema before = new TableSchema("alter", List.of(Column.of("id", SqlType.of(INT), false), name, n, amount,
                strict, gone), List.of("id"));
        String table = kit.table("alter");
        kit.create(table, before);
        d.bulk().bulkLoad(kit.connection(), table, before, List.of(Row.of(1, "abcdefghij", Integer.MAX_VALUE,
                new BigDecimal("12345678.90"), 5, "x")).iterator(), BulkProgress.NONE);
        kit.commit();

        Column addedNull = Column.of("added_null", SqlType.ofLength(NVARCHAR, 20), true);
        Column addedDefault = KitDefaults.defaulted("added_default", SqlType.of(INT), false, "((7))");
        kit.exec(d.ddl().addColumn(table, addedNull));
        kit.exec(d.ddl().addColumn(table, addedDefault));
        kit.exec(d.ddl().dropColumn(table, d.names().targetName("gone")));
        kit.commit();
        boolean hasDefault = d.types().defaultClause(addedDefault).isPresent();
        List<TargetColumn> cols = d.catalog().describeTable(kit.connection(), table).orElseThrow();
        assertThat(cols).extracting(TargetColumn::name).as("columns after add/drop").containsExactly(d.names().targetName("id"),
                d.names().targetName("name"), d.names().targetName("n"), d.names().targetName("amount"), d.names().targetName("strict"),
                d.names().targetName("added_null"), d.names().targetName("added_default"));
        assertThat(cols.get(5).nullable()).as("added nullable column").isTrue();
        assertThat(cols.get(5).nativeType()).isEqualTo(d.types().columnType(addedNull.type()));
        assertThat(cols.get(6).nativeType()).isEqualTo(d.types().columnType(addedDefault.type()));
        if (!hasDefault) {
            assertThat(cols.get(6).nullable()).as("a column added without its default must be nullable").isTrue();
        }
        TableSchema added = new TableSchema("alter", List.of(before.columns().get(0), name, n, amount, strict,
                addedNull, addedDefault), List.of("id"));
        KitAssert.assertRows("data after add/drop", kit.readAll(table, added), List.of(KitAssert.row(1, "abcdefghij",
                Integer.MAX_VALUE, new BigDecimal("12345678.90"), 5, null, hasDefault ? 7 : null)));

        Column name50 = name.withType(SqlType.ofLength(NVARCHAR, 50));
        Column nBig = n.withType(SqlType.of(BIGINT));
        Column amount18 = amount.withType(SqlType.decimal(DECIMAL, 18, 2));
        Column strictNull = Column.of("strict", SqlType.of(INT), true);
        if (!d.capabilities().contains(Capability.ALTER_COLUMN)) {
            assertThatThrownBy(() -> d.ddl().alterColumn(table, name, name50))
                    .as("alterColumn without Capability.ALTER_COLUMN").isInstanceOf(MirrorException.class);
            return;
        }
        kit.exec(d.ddl().alterColumn(table, name, name50));
        kit.exec(d.ddl().alterColumn(table, n, nBig));
        kit.exec(d.ddl().alterColumn(table, amount, amount18));
        kit.exec(d.ddl().alterColumn(table, strict, strictNull));
        kit.commit();
        List<Column> after = List.of(before.columns().get(0), name50, nBig, amount18, strictNull, addedNull, addedDefault);
        cols = d.catalog().describeTable(kit.connection(), table).orElseThrow();
        for (int i = 1; i <= 4; i++) {
            assertThat(cols.get(i).nativeType()).as("type of %s after alter", after.get(i).name())
                    .isEqualTo(d.types().columnType(after.get(i).type()));
            assertThat(cols.get(i).nullable()).as("nullability of %s after alter", after.get(i).name())
                    .isEqualTo(after.get(i).nullable());
        }
        TableSchema widened = new TableSchema("alter", after, List.of("id"));
        KitAssert.assertRows("data after widening", kit.readAll(table, widened), List.of(KitAssert.row(1, "abcdefghij",
                (long) Integer.MAX_VALUE, new BigDecimal("12345678.90"), 5, null, hasDefault ? 7 : null)));
        String long50 = TypeSamples.unicodeOfLength(50);
        d.changes().applyChanges(kit.connection(), table, widened, List.of(dev.mirror.api.model.RowChange.insert(2, long50,
                Long.MAX_VALUE, new BigDecimal("1234567890123456.78"), null, null, 1)).iterator());
        kit.commit();
        KitAssert.assertRows("widened values", kit.readWhereKey(table, widened, 2), List.of(KitAssert.row(2, long50,
                Long.MAX_VALUE, new BigDecimal("1234567890123456.78"), null, null, 1)));
    }

    @Test
    default void dropsRecreatesTruncatesAndRenames() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        TableSchema schema = new TableSchema("lifecycle", List.of(Column.of("id", SqlType.of(INT), false),
                Column.of("v", SqlType.ofLength(NVARCHAR, 10), true)), List.of("id"));
        String table = kit.table("lifecycle");
        kit.create(table, schema);
        d.bulk().bulkLoad(kit.connection(), table, schema, List.of(Row.of(1, "a"), Row.of(2, "b"), Row.of(3, null)).iterator(),
                BulkProgress.NONE);
        kit.commit();
        kit.exec(d.ddl().truncateTable(table));
        kit.commit();
        assertThat(kit.count(table)).as("rows after truncateTable").isZero();
        assertThat(d.catalog().listTables(kit.connection())).as("truncate keeps the table").contains(table);

        kit.exec(d.ddl().dropTable(table));
        kit.commit();
        assertThat(d.catalog().listTables(kit.connection())).as("listTables after drop").doesNotContain(table);
        assertThat(d.catalog().describeTable(kit.connection(), table)).as("describeTable after drop").isEmpty();
        kit.exec(d.ddl().dropTable(table));
        kit.commit();
        kit.create(table, schema);
        assertThat(kit.count(table)).as("recreated table is empty").isZero();
        d.bulk().bulkLoad(kit.connection(), table, schema, List.of(Row.of(4, "d")).iterator(), BulkProgress.NONE);
        kit.commit();

        String renamed = kit.table("lifecycle_renamed");
        if (!d.capabilities().contains(Capability.RENAME_TABLE)) {
            assertThatThrownBy(() -> d.ddl().renameTable(table, renamed)).as("renameTable without Capability.RENAME_TABLE")
                    .isInstanceOf(MirrorException.class);
            return;
        }
        kit.exec(d.ddl().renameTable(table, renamed));
        kit.commit();
        assertThat(d.catalog().listTables(kit.connection())).as("listTables after rename").contains(renamed).doesNotContain(table);
        KitAssert.assertRows("rows after rename", kit.readAll(renamed, schema), List.of(KitAssert.row(4, "d")));
    }

    @Test
    default void transactionalDdlRollsBackWhenClaimed() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        TableSchema schema = new TableSchema("txddl", List.of(Column.of("id", SqlType.of(INT), false)), List.of("id"));
        String table = kit.table("txddl");
        kit.exec(d.ddl().createTable(table, schema));
        kit.connection().rollback();
        boolean listed = d.catalog().listTables(kit.connection()).contains(table);
        if (d.capabilities().contains(Capability.TRANSACTIONAL_DDL)) {
            assertThat(listed).as("TRANSACTIONAL_DDL claimed, yet a rolled-back CREATE TABLE left the table").isFalse();
        } else {
            // Not claimed: the table may or may not survive the rollback; it must be usable either way.
            assertThat(listed ? kit.count(table) : 0L).isZero();
        }
    }
}
