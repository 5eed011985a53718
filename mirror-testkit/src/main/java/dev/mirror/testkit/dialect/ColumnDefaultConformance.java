package dev.mirror.testkit.dialect;

import static dev.mirror.api.model.SqlServerType.BIGINT;
import static dev.mirror.api.model.SqlServerType.INT;
import static dev.mirror.api.model.SqlServerType.NVARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Columns that carry a default through their whole life: retyped in place, dropped, and the table recreated. Most
 * SuperOffice columns have defaults, and a target may bind a default as an object of its own (SQL Server's default
 * constraints) that has to be removed before the column can change or go.
 */
public interface ColumnDefaultConformance extends KitAccess {

    @Test
    default void columnsWithDefaultsAreRetypedDroppedAndTheTableRecreated() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        Column id = Column.of("id", SqlType.of(INT), false);
        Column counter = KitDefaults.defaulted("counter", SqlType.of(INT), false, "((0))");
        Column label = KitDefaults.defaulted("label", SqlType.ofLength(NVARCHAR, 10), true, "(N'none')");
        Column other = KitDefaults.defaulted("other", SqlType.of(INT), true, "((5))");
        TableSchema before = new TableSchema("defaulted", List.of(id, counter, label, other), List.of("id"));
        String table = kit.table("defaulted");
        kit.create(table, before);
        d.bulk().bulkLoad(kit.connection(), table, before, List.of(Row.of(1, 10, "a", 100), Row.of(2, 20, null, null)).iterator(),
                BulkProgress.NONE);
        kit.commit();

        // retyped in place (int -> bigint) while its default is bound to it
        Column counterBig = counter.withType(SqlType.of(BIGINT));
        boolean alter = d.capabilities().contains(Capability.ALTER_COLUMN);
        if (alter) {
            kit.exec(d.ddl().alterColumn(table, counter, counterBig));
            kit.commit();
        }
        // dropped while its default is bound to it
        kit.exec(d.ddl().dropColumn(table, d.names().targetName("label")));
        kit.commit();
        List<TargetColumn> cols = d.catalog().describeTable(kit.connection(), table).orElseThrow();
        assertThat(cols).extracting(TargetColumn::name).as("columns after dropping a defaulted column")
                .containsExactly(d.names().targetName("id"), d.names().targetName("counter"), d.names().targetName("other"));
        Column counterNow = alter ? counterBig : counter;
        assertThat(cols.get(1).nativeType()).as("type of the retyped defaulted column").isEqualTo(d.types().columnType(counterNow.type()));
        assertThat(cols.get(1).nullable()).as("the retyped column stays NOT NULL").isFalse();
        TableSchema after = new TableSchema("defaulted", List.of(id, counterNow, other), List.of("id"));
        KitAssert.assertRows("data after retype and drop", kit.readAll(table, after),
                List.of(KitAssert.row(1, alter ? 10L : 10, 100), KitAssert.row(2, alter ? 20L : 20, null)));
        if (d.types().defaultClause(counterNow).isPresent()) {
            kit.insertPlain(table, List.of("id"), 3);
            kit.commit();
            KitAssert.assertRows("the default survives the retype", kit.readWhereKey(table, after, 3),
                    List.of(KitAssert.row(3, alter ? 0L : 0, d.types().defaultClause(other).isPresent() ? 5 : null)));
        }

        // the table recreated with its defaults (a default bound under a name must not outlive its table)
        kit.exec(d.ddl().dropTable(table));
        kit.commit();
        kit.create(table, before);
        d.bulk().bulkLoad(kit.connection(), table, before, List.of(Row.of(4, 40, "d", 400)).iterator(), BulkProgress.NONE);
        kit.commit();
        KitAssert.assertRows("rows of the recreated table", kit.readAll(table, before), List.of(KitAssert.row(4, 40, "d", 400)));
        kit.exec(d.ddl().dropColumn(table, d.names().targetName("label")));
        kit.commit();
        assertThat(d.catalog().describeTable(kit.connection(), table).orElseThrow()).extracting(TargetColumn::name)
                .as("a defaulted column of the recreated table drops too")
                .containsExactly(d.names().targetName("id"), d.names().targetName("counter"), d.names().targetName("other"));
    }
}
