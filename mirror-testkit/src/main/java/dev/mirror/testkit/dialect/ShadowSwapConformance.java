package dev.mirror.testkit.dialect;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TargetDialect#swapShadow}, as core's atomic repopulation uses it: a loaded shadow takes the table's place, and
 * core's step runs inside the swap. Both tables carry defaults and a primary key, so a target whose constraint names are
 * schema-wide (SQL Server) proves that the shadow's constraints cannot collide with the live table's. A rolled-back swap
 * must leave the old table intact only where the dialect claims {@link Capability#TRANSACTIONAL_DDL}: a dialect whose DDL
 * commits on its own may override the swap (and commit), and nothing is asserted about its rollback.
 */
public interface ShadowSwapConformance extends KitAccess {
    Column ID = Column.of("id", SqlType.of(INT), false);
    TableSchema LIVE = new TableSchema("swap", List.of(ID, Column.of("name", SqlType.ofLength(NVARCHAR, 10), true),
            KitDefaults.defaulted("flag", SqlType.of(INT), false, "((0))")), List.of("id"));
    TableSchema SHADOW_SAME = new TableSchema("swap", LIVE.columns(), List.of("id"));
    TableSchema SHADOW_OTHER = new TableSchema("swap", List.of(ID, KitDefaults.defaulted("amount", SqlType.of(INT), true, "((1))"),
            Column.of("note", SqlType.ofLength(NVARCHAR, 20), true), KitDefaults.defaulted("flag", SqlType.of(INT), false, "((0))")),
            List.of("id"));

    @Test
    default void swapWithTheSameColumnsShowsTheShadowsRowsAndRunsTheStep() throws Exception {
        swapAndCheck("swap_same", SHADOW_SAME, List.of(Row.of(7, "new", 1), Row.of(8, null, 0)));
    }

    @Test
    default void swapWithOtherColumnsShowsTheShadowsRowsAndColumns() throws Exception {
        swapAndCheck("swap_other", SHADOW_OTHER, List.of(Row.of(5, 50, "fifty", 1), Row.of(6, null, null, 0)));
    }

    @Test
    default void aRolledBackSwapLeavesTheOldTableWhereDdlIsTransactional() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        String table = kit.table("swap_rb");
        String shadow = kit.table("swap_rb_shadow");
        String steps = stepTable(kit, "swap_rb_steps");
        kit.create(table, LIVE);
        kit.create(shadow, SHADOW_OTHER);
        d.bulk().bulkLoad(kit.connection(), table, LIVE, List.of(Row.of(1, "old", 0)).iterator(), BulkProgress.NONE);
        d.bulk().bulkLoad(kit.connection(), shadow, SHADOW_OTHER, List.of(Row.of(2, 20, "x", 1)).iterator(), BulkProgress.NONE);
        kit.commit();
        d.swapShadow(kit.connection(), table, shadow, c -> recordStep(kit, c, steps, 1));
        kit.connection().rollback();
        if (!d.capabilities().contains(Capability.TRANSACTIONAL_DDL)) {
            return; // DDL may have committed on its own: what a rollback leaves is not defined for such a dialect
        }
        assertThat(d.catalog().describeTable(kit.connection(), table).orElseThrow()).extracting(TargetColumn::name)
                .as("TRANSACTIONAL_DDL claimed: the old table's columns after a rolled-back swap")
                .containsExactlyElementsOf(LIVE.columns().stream().map(c -> d.names().targetName(c.name())).toList());
        KitAssert.assertRows("the old table's rows after a rolled-back swap", kit.readAll(table, LIVE),
                List.of(KitAssert.row(1, "old", 0)));
        KitAssert.assertRows("the shadow after a rolled-back swap", kit.readAll(shadow, SHADOW_OTHER),
                List.of(KitAssert.row(2, 20, "x", 1)));
        assertThat(kit.count(steps)).as("core's step is rolled back with the swap").isZero();
    }

    private void swapAndCheck(String name, TableSchema shadowSchema, List<Row> shadowRows) throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        String table = kit.table(name);
        String shadow = kit.table(name + "_shadow");
        String steps = stepTable(kit, name + "_steps");
        kit.create(table, LIVE);
        d.bulk().bulkLoad(kit.connection(), table, LIVE, List.of(Row.of(1, "old", 0), Row.of(2, "older", 1)).iterator(),
                BulkProgress.NONE);
        kit.commit();
        // the shadow is created and loaded while the live table exists, as core does it
        kit.create(shadow, shadowSchema);
        d.bulk().bulkLoad(kit.connection(), shadow, shadowSchema, shadowRows.iterator(), BulkProgress.NONE);
        kit.commit();

        List<Connection> ranOn = new ArrayList<>();
        d.swapShadow(kit.connection(), table, shadow, c -> {
            ranOn.add(c);
            recordStep(kit, c, steps, 42);
        });
        kit.commit();

        assertThat(ranOn).as("swapShadow runs core's step exactly once, on the swap's connection")
                .containsExactly(kit.connection());
        assertThat(kit.count(steps)).as("core's step is committed with the swap").isEqualTo(1);
        assertThat(d.catalog().listTables(kit.connection())).as("after the swap the table exists").contains(table);
        assertThat(d.catalog().describeTable(kit.connection(), table).orElseThrow()).extracting(TargetColumn::name)
                .as("the table has exactly the shadow's columns")
                .containsExactlyElementsOf(shadowSchema.columns().stream().map(c -> d.names().targetName(c.name())).toList());
        List<List<Object>> expected = shadowRows.stream().map(ShadowSwapConformance::values).toList();
        KitAssert.assertRows("the table has exactly the shadow's rows", kit.readAll(table, shadowSchema), expected);
        // the swapped table is a normal table: it takes changes
        d.changes().applyChanges(kit.connection(), table, shadowSchema, List.of(dev.mirror.api.model.RowChange.delete(
                values(shadowRows.get(0)).toArray())).iterator());
        kit.commit();
        assertThat(kit.count(table)).as("rows after a delete on the swapped table").isEqualTo(shadowRows.size() - 1);
    }

    private static List<Object> values(Row r) {
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            v.add(r.get(i));
        }
        return v;
    }

    /** A one-column table the step writes into, standing in for core's metadata table. */
    private static String stepTable(Kit kit, String name) throws SQLException {
        String t = kit.table(name);
        kit.create(t, new TableSchema(name, List.of(ID), List.of("id")));
        return t;
    }

    private static void recordStep(Kit kit, Connection c, String steps, int id) throws SQLException {
        TargetDialect d = kit.dialect();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + d.names().quote(steps) + " (" + d.names().quote(d.names().targetName("id"))
                + ") VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }
}
