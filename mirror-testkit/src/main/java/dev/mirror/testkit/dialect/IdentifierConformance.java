package dev.mirror.testkit.dialect;

import static dev.mirror.api.model.RowChange.insert;
import static dev.mirror.api.model.RowChange.update;
import static dev.mirror.testkit.dialect.KitAssert.assertRows;
import static dev.mirror.testkit.dialect.KitAssert.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Untrusted identifiers: quoting of hostile names, deterministic mapping of long ones, refusal of invalid ones. */
public interface IdentifierConformance extends KitAccess {
    /** Column names that break naive quoting or concatenation. */
    List<String> HOSTILE = List.of("id]\"'", "col]", "col\"q", "col'a", "col;drop table x", "col -- c", "col with spaces",
            "cöl😀 שלום", "[bracketed]", "\"quoted\"", "c".repeat(128));

    @Test
    default void hostileIdentifiersAreQuotedEverywhere() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            cols.add(Column.of(HOSTILE.get(i), i == 0 ? SqlType.of(SqlServerType.INT) : SqlType.ofLength(SqlServerType.NVARCHAR, 20),
                    i != 0));
        }
        String sourceTable = "we]ird\"na'me; -- x ünï😀";
        TableSchema schema = new TableSchema(sourceTable, cols, List.of(HOSTILE.get(0)));
        String table = kit.table(sourceTable);
        kit.create(table, schema);
        assertThat(d.catalog().listTables(kit.connection())).as("listTables holds the hostile table name").contains(table);
        List<TargetColumn> described = d.catalog().describeTable(kit.connection(), table).orElseThrow();
        assertThat(described).extracting(TargetColumn::name).as("described hostile column names")
                .containsExactlyElementsOf(HOSTILE.stream().map(d.names()::targetName).toList());

        d.bulk().bulkLoad(kit.connection(), table, schema, List.of(values(1, "a"), values(2, "b")).iterator(), BulkProgress.NONE);
        kit.commit();
        d.changes().applyChanges(kit.connection(), table, schema, List.of(new dev.mirror.api.model.RowChange(
                dev.mirror.api.model.Operation.UPDATE, values(1, "u")), delete(2, new Object[HOSTILE.size() - 1]),
                new dev.mirror.api.model.RowChange(dev.mirror.api.model.Operation.INSERT, values(3, "'; --"))).iterator());
        kit.commit();
        List<List<Object>> rows = kit.readAll(table, schema);
        assertRows("rows of the hostile table", rows, List.of(values(1, "u"), values(3, "'; --")).stream()
                .map(r -> row(r.toArray())).toList());
        assertThat(kit.dialect().names().quote(table)).as("quote is deterministic").isEqualTo(kit.dialect().names().quote(table));
    }

    private static Row values(int id, String text) {
        Object[] v = new Object[HOSTILE.size()];
        v[0] = id;
        for (int i = 1; i < v.length; i++) {
            v[i] = text + i;
        }
        return Row.of(v);
    }

    private static dev.mirror.api.model.RowChange delete(int id, Object[] rest) {
        Object[] v = new Object[rest.length + 1];
        v[0] = id;
        return new dev.mirror.api.model.RowChange(dev.mirror.api.model.Operation.DELETE, Row.of(v));
    }

    /**
     * Names of 128, 129, 300 and 1000 UTF-16 code units, some made of supplementary characters (surrogate pairs) so
     * that a pair sits at whatever place the dialect cuts: each maps deterministically, stays distinct from a name
     * differing only at its end, never holds half a surrogate pair, and works as a table and column name.
     */
    @Test
    default void longNamesAreMappedDeterministicallyAndFit() throws Exception {
        Kit kit = kit();
        TargetDialect d = kit.dialect();
        String name128 = "t".repeat(124);
        String name129 = "u".repeat(125);
        String base300 = "x".repeat(299);
        String name1000 = "y".repeat(995);
        String pairs300 = "😀".repeat(148);            // "kit_" + 296 units of surrogate pairs = 300
        String oddPairs1000 = "a" + "😀".repeat(497) + "z"; // the pairs start at an odd offset: 1000 units in all
        for (String n : List.of("kit_" + name128, "kit_" + name129, "kit_" + base300 + "a", "kit_" + name1000,
                "kit_" + pairs300, "kit_" + oddPairs1000, HOSTILE.get(0), "plain")) {
            String mapped = d.names().targetName(n);
            assertThat(mapped).as("targetName is deterministic for a %d-unit name", n.length()).isEqualTo(d.names().targetName(n));
            assertThat(wholePairs(mapped)).as("the mapping of a %d-unit name keeps no half surrogate pair", n.length()).isTrue();
        }
        assertThat(d.names().targetName("kit_" + base300 + "a")).as("long names differing only at the end stay distinct")
                .isNotEqualTo(d.names().targetName("kit_" + base300 + "b"));
        assertThat(d.names().targetName("kit_" + pairs300 + "a")).as("long surrogate-pair names differing only at the end stay distinct")
                .isNotEqualTo(d.names().targetName("kit_" + pairs300 + "b"));
        String c300 = "c".repeat(300);
        String c1000 = "😀".repeat(500);
        TableSchema schema = new TableSchema("long", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of(c300 + "1", SqlType.of(SqlServerType.INT), true), Column.of(c300 + "2", SqlType.of(SqlServerType.INT), true),
                Column.of(c1000, SqlType.of(SqlServerType.INT), true)), List.of("id"));
        for (String suffix : List.of(name128, name129, base300 + "a", base300 + "b", name1000, pairs300, oddPairs1000)) {
            String table = kit.table(suffix);
            kit.create(table, schema);
            assertThat(d.catalog().listTables(kit.connection())).as("a mapped long name fits the target").contains(table);
            d.bulk().bulkLoad(kit.connection(), table, schema, List.of(Row.of(1, 2, 3, 9)).iterator(), BulkProgress.NONE);
            d.changes().applyChanges(kit.connection(), table, schema, List.of(update(1, 4, 5, 9), insert(2, null, 6, 7)).iterator());
            kit.commit();
            assertRows("rows of " + suffix.length() + "-unit table", kit.readAll(table, schema),
                    List.of(row(1, 4, 5, 9), row(2, null, 6, 7)));
            assertThat(d.catalog().describeTable(kit.connection(), table).orElseThrow()).extracting(TargetColumn::name)
                    .containsExactly(d.names().targetName("id"), d.names().targetName(c300 + "1"), d.names().targetName(c300 + "2"), d.names().targetName(c1000));
        }
    }

    /** Whether every surrogate in {@code s} is part of a pair. */
    private static boolean wholePairs(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    @Test
    default void nulCharacterIsRefused() {
        TargetDialect d = kit().dialect();
        for (String bad : List.of("a\u0000b", "\u0000")) {
            assertThatThrownBy(() -> d.names().targetName(bad)).as("targetName of a name with NUL")
                    .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID"));
        }
    }
}
