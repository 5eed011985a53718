package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.dialect.TargetDialect;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the soft delete and history modes, written once for every target: plain SQL (UPDATE/DELETE with
 * correlated EXISTS, INSERT … SELECT, GROUP BY) that H2, PostgreSQL and SQL Server all accept, every identifier quoted
 * through the dialect, the mode columns' values as parameters (cast where a target cannot infer a parameter's type in a
 * select list). The outer table of an UPDATE or DELETE is never aliased (SQL Server does not accept {@code DELETE FROM t
 * AS x}); subqueries refer to it by its quoted name.
 */
final class ModeSql {
    private final TargetDialect dialect;
    private final String table;
    private final TableLayout layout;

    /** @param table the target name of the table (or shadow) the statements write */
    ModeSql(TargetDialect dialect, String table, TableLayout layout) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.table = requireNonNull(table, "table is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    private String q(String sourceName) {
        return dialect.names().quote(dialect.names().targetName(sourceName));
    }

    private String t() {
        return dialect.names().quote(table);
    }

    private String cast(dev.mirror.api.model.SqlType type) {
        String t = dialect.types().columnType(type);
        // MariaDB's CAST takes only a few type names (SIGNED, DECIMAL, DATETIME(n), CHAR, ...), not tinyint(1), which is
        // its bit column; a signed integer is stored into that column as it is. No other target spells a type this way.
        return "CAST(? AS " + (t.equals("tinyint(1)") ? "SIGNED" : t) + ")";
    }

    /** {@code s.k1 = "t"."k1" AND …} over the source key; {@code stageAlias} null compares two table aliases. */
    private String keyMatch(StagedChanges stage, String left, String right) {
        TableSchema d = layout.data();
        StringBuilder b = new StringBuilder();
        for (String k : d.primaryKey()) {
            int i = d.indexOf(k);
            String l = stage == null ? left + "." + q(k) : left + "." + stage.columns().get(i);
            b.append(b.length() == 0 ? "" : " AND ").append(l).append(" = ").append(right).append('.').append(q(k));
        }
        return b.toString();
    }

    /** Keeps only the last change of every key in the stage. */
    BoundSql dedupe(StagedChanges s) {
        TableSchema d = layout.data();
        StringBuilder keys = new StringBuilder();
        for (String k : d.primaryKey()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(s.columns().get(d.indexOf(k)));
        }
        return BoundSql.of("DELETE FROM " + s.table() + " WHERE " + s.seq() + " NOT IN (SELECT MAX(" + s.seq() + ") FROM "
                + s.table() + " GROUP BY " + keys + ")");
    }

    private String dataColumns(String prefix) {
        return columns(layout.data().columns(), prefix);
    }

    private String columns(List<Column> list, String prefix) {
        StringBuilder b = new StringBuilder();
        for (Column c : list) {
            b.append(b.length() == 0 ? "" : ", ").append(prefix).append(q(c.name()));
        }
        return b.toString();
    }

    private String stageColumns(StagedChanges s, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append("s.").append(s.columns().get(i));
        }
        return b.toString();
    }

    // ---- soft delete ------------------------------------------------------------------------------------------------

    /** Soft delete, after {@link #dedupe}: flag the rows whose last change is a delete (once: a replay keeps the time). */
    BoundSql softDeleteFlag(StagedChanges s, LocalDateTime time) {
        return BoundSql.of("UPDATE " + t() + " SET " + q(ModeColumns.DELETED) + " = ?, " + q(ModeColumns.SYNCED) + " = ? WHERE "
                + q(ModeColumns.DELETED) + " = ? AND EXISTS (SELECT 1 FROM " + s.table() + " s WHERE s." + s.op() + " = 'D' AND "
                + keyMatch(s, "s", t()) + ")", true, time, false);
    }

    /** Soft delete: the rows whose last change is an insert or update are replaced (delete, then {@link #softDeleteInsert}). */
    BoundSql softDeleteRemove(StagedChanges s) {
        return BoundSql.of("DELETE FROM " + t() + " WHERE EXISTS (SELECT 1 FROM " + s.table() + " s WHERE s." + s.op()
                + " <> 'D' AND " + keyMatch(s, "s", t()) + ")");
    }

    BoundSql softDeleteInsert(StagedChanges s, LocalDateTime time) {
        int n = layout.data().columnCount();
        return BoundSql.of("INSERT INTO " + t() + " (" + dataColumns("") + ", " + q(ModeColumns.DELETED) + ", "
                + q(ModeColumns.SYNCED) + ") SELECT " + stageColumns(s, n) + ", " + cast(ModeColumns.FLAG) + ", "
                + cast(ModeColumns.TIME) + " FROM " + s.table() + " s WHERE s." + s.op() + " <> 'D'", false, time);
    }

    /**
     * Soft delete repopulation, on the loaded shadow before the swap: the rows of the old table whose key is absent from
     * the new contents are carried over, flagged deleted (those already flagged keep their time).
     */
    BoundSql softDeleteCarryOver(String oldTable, LocalDateTime time) {
        return softDeleteCarryOver(oldTable, layout.data().columns(), time);
    }

    /** As above, copying only {@code carried} data columns (after a recreate: the others are NULL in the old rows). */
    BoundSql softDeleteCarryOver(String oldTable, List<Column> carried, LocalDateTime time) {
        String sh = t();
        String old = dialect.names().quote(oldTable);
        return BoundSql.of("INSERT INTO " + sh + " (" + columns(carried, "") + ", " + q(ModeColumns.DELETED) + ", "
                + q(ModeColumns.SYNCED) + ") SELECT " + columns(carried, "o.") + ", " + cast(ModeColumns.FLAG) + ", CASE WHEN o."
                + q(ModeColumns.DELETED) + " = ? THEN o." + q(ModeColumns.SYNCED) + " ELSE " + cast(ModeColumns.TIME) + " END FROM "
                + old + " o WHERE NOT EXISTS (SELECT 1 FROM " + sh + " n WHERE " + keyMatch(null, "n", "o") + ")",
                true, true, time);
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    private String hashColumn() {
        return q(ModeColumns.ROW_HASH);
    }

    /** History, after {@link #dedupe}: close the open version of every key deleted or changed (its row hash differs). */
    BoundSql historyClose(StagedChanges s, LocalDateTime time) {
        String h = s.columns().get(layout.data().columnCount());
        return BoundSql.of("UPDATE " + t() + " SET " + q(ModeColumns.VALID_TO) + " = ?, " + q(ModeColumns.ACTIVE) + " = ? WHERE "
                + q(ModeColumns.ACTIVE) + " = ? AND EXISTS (SELECT 1 FROM " + s.table() + " s WHERE " + keyMatch(s, "s", t())
                + " AND (s." + s.op() + " = 'D' OR s." + h + " <> " + t() + "." + hashColumn() + "))", time, false, true);
    }

    /** History: open a version for every key inserted or updated that has no open version left (an identical one stays). */
    BoundSql historyOpen(StagedChanges s, LocalDateTime time) {
        int n = layout.data().columnCount();
        return BoundSql.of("INSERT INTO " + t() + " (" + dataColumns("") + ", " + hashColumn() + ", " + q(ModeColumns.VALID_FROM)
                + ", " + q(ModeColumns.VALID_TO) + ", " + q(ModeColumns.ACTIVE) + ") SELECT " + stageColumns(s, n + 1) + ", "
                + cast(ModeColumns.TIME) + ", NULL, " + cast(ModeColumns.FLAG) + " FROM " + s.table() + " s WHERE s." + s.op()
                + " <> 'D' AND NOT EXISTS (SELECT 1 FROM " + t() + " m WHERE " + stageKeyMatch(s, "m")
                + " AND m." + q(ModeColumns.ACTIVE) + " = ?)", time, true, true);
    }

    /** {@code m."k" = s.<stage column>} for the open-version lookup (the stage's columns are not named like the table's). */
    String stageKeyMatch(StagedChanges s, String tableAlias) {
        TableSchema d = layout.data();
        StringBuilder b = new StringBuilder();
        for (String k : d.primaryKey()) {
            b.append(b.length() == 0 ? "" : " AND ").append(tableAlias).append('.').append(q(k)).append(" = s.")
                    .append(s.columns().get(d.indexOf(k)));
        }
        return b.toString();
    }

    /** The columns of a history table, data first, in the order of the mirror schema. */
    private String allColumns(String prefix) {
        StringBuilder b = new StringBuilder();
        for (Column c : layout.mirror().columns()) {
            b.append(b.length() == 0 ? "" : ", ").append(prefix).append(q(c.name()));
        }
        return b.toString();
    }

    /** History repopulation, step 1: the whole history of the old table is copied into the loaded shadow. */
    BoundSql historyCopyOld(String oldTable) {
        return historyCopyOld(oldTable, layout.mirror().columns());
    }

    /** As above, copying only {@code carried} columns (after a recreate: the others are NULL in the old versions). */
    BoundSql historyCopyOld(String oldTable, List<Column> carried) {
        return BoundSql.of("INSERT INTO " + t() + " (" + columns(carried, "") + ") SELECT " + columns(carried, "o.") + " FROM "
                + dialect.names().quote(oldTable) + " o");
    }

    /**
     * Step 2: every open old version whose key has no identical pending row (changed or absent from the new contents) is
     * closed, at the pending row's time when there is one, otherwise at {@code time}.
     */
    BoundSql historyCloseAbsentOrChanged(LocalDateTime time) {
        String sh = t();
        String pending = " n." + q(ModeColumns.ACTIVE) + " = ? AND n." + q(ModeColumns.VALID_TO) + " IS NULL";
        return BoundSql.of("UPDATE " + sh + " SET " + q(ModeColumns.VALID_TO) + " = COALESCE((SELECT n." + q(ModeColumns.VALID_FROM)
                + " FROM " + sh + " n WHERE " + keyMatch(null, "n", sh) + " AND" + pending + "), " + cast(ModeColumns.TIME) + "), "
                + q(ModeColumns.ACTIVE) + " = ? WHERE " + q(ModeColumns.ACTIVE) + " = ? AND NOT EXISTS (SELECT 1 FROM " + sh
                + " n WHERE " + keyMatch(null, "n", sh) + " AND" + pending + " AND n." + hashColumn() + " = " + sh + "."
                + hashColumn() + ")", false, time, false, true, false);
    }

    /** Step 3: pending rows identical to an open old version are dropped (the old version stays open, its time kept). */
    BoundSql historyDropUnchanged() {
        String sh = t();
        return BoundSql.of("DELETE FROM " + sh + " WHERE " + q(ModeColumns.ACTIVE) + " = ? AND " + q(ModeColumns.VALID_TO)
                + " IS NULL AND EXISTS (SELECT 1 FROM " + sh + " o WHERE " + keyMatch(null, "o", sh) + " AND o."
                + q(ModeColumns.ACTIVE) + " = ? AND o." + hashColumn() + " = " + sh + "." + hashColumn() + ")", false, true);
    }

    /** Step 4 (every history load into a shadow): the pending rows become the open versions. */
    BoundSql historyActivatePending() {
        return BoundSql.of("UPDATE " + t() + " SET " + q(ModeColumns.ACTIVE) + " = ? WHERE " + q(ModeColumns.ACTIVE) + " = ? AND "
                + q(ModeColumns.VALID_TO) + " IS NULL", true, false);
    }

    List<BoundSql> softDeleteApply(StagedChanges s, LocalDateTime time) {
        return List.of(dedupe(s), softDeleteFlag(s, time), softDeleteRemove(s), softDeleteInsert(s, time));
    }

    List<BoundSql> historyApply(StagedChanges s, LocalDateTime time) {
        return List.of(dedupe(s), historyClose(s, time), historyOpen(s, time));
    }

    /** The merge of a loaded shadow with the old table before the swap; {@code sameSchema} false after a recreate. */
    List<BoundSql> shadowMerge(String oldTable, boolean sameSchema, LocalDateTime time) {
        return shadowMerge(oldTable, sameSchema ? layout.mirror().columns() : null, time);
    }

    /**
     * The merge of a loaded shadow with the old table before the swap, carrying the old table's {@code carried} columns
     * (every mirror column when the schema is the same; those the old table has with the same type after a recreate;
     * null: nothing is carried, the table starts afresh).
     */
    List<BoundSql> shadowMerge(String oldTable, List<Column> carried, LocalDateTime time) {
        List<BoundSql> r = new ArrayList<>();
        switch (layout.mode()) {
            case MIRROR -> { }
            case SOFT_DELETE -> {
                if (carried != null) {
                    List<Column> data = carried.stream().filter(c -> layout.data().column(c.name()).isPresent()).toList();
                    r.add(softDeleteCarryOver(oldTable, data, time));
                }
            }
            case HISTORY -> {
                if (carried != null) {
                    r.add(historyCopyOld(oldTable, carried));
                    r.add(historyCloseAbsentOrChanged(time));
                    r.add(historyDropUnchanged());
                }
                r.add(historyActivatePending());
            }
        }
        return r;
    }
}
