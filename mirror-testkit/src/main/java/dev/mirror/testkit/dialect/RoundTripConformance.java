package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every type's values survive the bulk path and the apply path: NULLs, range extremes, long and Unicode
 * strings, 1 MB binaries. Values are read back with plain JDBC and compared with
 * {@link AbstractTargetDialectTest#expectedRoundTrip}.
 */
public interface RoundTripConformance extends KitAccess {

    @Test
    default void everyTypeRoundTripsThroughBulkLoad() throws Exception {
        Kit kit = kit();
        List<TypeSamples.TypeCase> cases = TypeSamples.cases();
        TableSchema schema = roundTripSchema(cases);
        String table = kit.table("rt_bulk");
        kit.create(table, schema);
        List<Row> rows = roundTripRows(cases, 0);
        long loaded = kit.dialect().bulk().bulkLoad(kit.connection(), table, schema, rows.iterator(), BulkProgress.NONE);
        kit.commit();
        assertThat(loaded).as("bulkLoad's row count").isEqualTo(rows.size());
        assertRoundTrip(kit, table, schema, cases, 0);
    }

    @Test
    default void everyTypeRoundTripsThroughApplyChanges() throws Exception {
        Kit kit = kit();
        List<TypeSamples.TypeCase> cases = TypeSamples.cases();
        TableSchema schema = roundTripSchema(cases);
        String table = kit.table("rt_apply");
        kit.create(table, schema);
        List<RowChange> inserts = new ArrayList<>();
        for (Row r : roundTripRows(cases, 0)) {
            inserts.add(new RowChange(Operation.INSERT, r));
        }
        TableCounts counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, inserts.iterator());
        kit.commit();
        assertThat(counts).as("counts of an all-insert batch").isEqualTo(new TableCounts(inserts.size(), 0, 0));
        assertRoundTrip(kit, table, schema, cases, 0);

        // Updates move every value to another row (and NULLs onto values), so the update path sees each type too.
        List<RowChange> updates = new ArrayList<>();
        for (Row r : roundTripRows(cases, 1)) {
            updates.add(new RowChange(Operation.UPDATE, r));
        }
        counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, updates.iterator());
        kit.commit();
        assertThat(counts).as("counts of an all-update batch").isEqualTo(new TableCounts(0, updates.size(), 0));
        assertRoundTrip(kit, table, schema, cases, 1);
    }

    private static TableSchema roundTripSchema(List<TypeSamples.TypeCase> cases) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of("id", SqlType.of(SqlServerType.INT), false));
        for (TypeSamples.TypeCase c : cases) {
            cols.add(Column.of(c.column(), c.type(), true));
        }
        return new TableSchema("round_trip", cols, List.of("id"));
    }

    /** Row {@code id} holds, per case, value {@code (id - 1 + shift) mod (n + 1)}, where index n means NULL. */
    private static List<Row> roundTripRows(List<TypeSamples.TypeCase> cases, int shift) {
        int rows = TypeSamples.maxValues(cases) + 1;
        List<Row> r = new ArrayList<>();
        for (int id = 0; id < rows; id++) {
            Object[] v = new Object[cases.size() + 1];
            v[0] = id;
            for (int c = 0; c < cases.size(); c++) {
                v[c + 1] = value(cases.get(c), id, shift);
            }
            r.add(Row.of(v));
        }
        return r;
    }

    private static Object value(TypeSamples.TypeCase c, int id, int shift) {
        // id 0 with shift 0 is the all-NULL row.
        int slot = Math.floorMod(id - 1 + shift, c.values().size() + 1);
        return slot == c.values().size() ? null : c.values().get(slot);
    }

    private static void assertRoundTrip(Kit kit, String table, TableSchema schema, List<TypeSamples.TypeCase> cases,
            int shift) throws Exception {
        List<List<Object>> actual = kit.readAll(table, schema);
        List<List<Object>> expected = new ArrayList<>();
        for (int id = 0; id < actual.size() || id < TypeSamples.maxValues(cases) + 1; id++) {
            List<Object> row = new ArrayList<>();
            row.add(id);
            for (TypeSamples.TypeCase c : cases) {
                Object written = value(c, id, shift);
                row.add(written == null ? null : kit.expected(c.type(), written));
            }
            expected.add(row);
        }
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < Math.min(actual.size(), expected.size()); r++) {
            for (int c = 0; c < schema.columnCount(); c++) {
                Object e = expected.get(r).get(c);
                Object a = actual.get(r).get(c);
                if (!KitValues.same(e, a)) {
                    problems.add("id " + r + ", " + schema.columns().get(c).name() + " " + schema.columns().get(c).type()
                            + ": expected " + KitValues.describe(e) + ", found " + KitValues.describe(a));
                }
            }
        }
        assertThat(actual).as("rows read back").hasSameSizeAs(expected);
        assertThat(problems).as("values that did not round-trip").isEmpty();
    }
}
