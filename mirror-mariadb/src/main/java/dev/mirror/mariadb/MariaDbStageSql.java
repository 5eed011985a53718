package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StageColumns;
import dev.mirror.dialect.support.StageSql;
import dev.mirror.dialect.support.StageUse;
import java.sql.Connection;
import java.util.List;

/**
 * MariaDB's stage for {@link dev.mirror.dialect.support.StagedApply}, all in core's transaction, nothing committed:
 * <ol>
 * <li>the batch is loaded into the temporary table {@code __mirror_stage} keyed like the mirror table, with
 * {@code LOAD DATA ... REPLACE} ({@link MariaDbStageWriter}), so that it holds the last change of every key without a
 * sort or a grouping query: a later change of a key replaces the earlier one as the file is read;</li>
 * <li>one {@code DELETE m FROM t AS m JOIN stage AS s ON <key> WHERE s.op = 'D'} for the keys whose last change is a
 * delete;</li>
 * <li>one {@code INSERT INTO t (...) SELECT ... FROM stage WHERE op <> 'D' ON DUPLICATE KEY UPDATE c = VALUES(c), ...}
 * for the others. The key columns are part of the update list: with a case-insensitive collation a key whose case
 * changed in the source is the same key, and the mirror then shows the new spelling as SQL Server does;</li>
 * <li>the stage is dropped.</li>
 * </ol>
 * Core's stage ({@link StageUse#CORE}, {@code __mirror_core_stage}) keeps every change instead (primary key: the
 * position; the key columns indexed for core's joins).
 *
 * <p>Temporary tables belong to the session and neither commit nor end with the transaction in MariaDB, so a stage is
 * dropped before it is created (a failed earlier batch on the same pooled connection may have left it) and after use.
 * {@code CREATE/DROP TEMPORARY TABLE} do not commit implicitly, so the batch stays in core's transaction. The stage's
 * columns have the mirror's types and are nullable (a delete carries only its key). Stateless; thread-safe.
 */
final class MariaDbStageSql implements StageSql {
    static final String STAGE = "__mirror_stage";
    static final String CORE_STAGE = "__mirror_core_stage";

    private final DialectNames names;
    private final DialectTypes types;
    private final MariaDbDdl ddl;

    MariaDbStageSql(DialectNames names, DialectTypes types, MariaDbDdl ddl) {
        this.names = requireNonNull(names, "names is null");
        this.types = requireNonNull(types, "types is null");
        this.ddl = requireNonNull(ddl, "ddl is null");
    }

    @Override
    public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) {
        return StageColumns.describe(names, names.quote(use == StageUse.APPLY ? STAGE : CORE_STAGE), schema);
    }

    /** Whether {@code stage} is the apply's, keyed like the mirror table (loaded with REPLACE: last change per key). */
    boolean keyedByTableKey(StagedChanges stage) {
        return stage.table().equals(names.quote(STAGE));
    }

    @Override
    public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
        boolean keyed = use == StageUse.APPLY;
        List<String> keys = StageColumns.keys(schema, stage);
        StringBuilder b = new StringBuilder("CREATE TEMPORARY TABLE ").append(stage.table()).append(" (");
        for (int i = 0; i < stage.columns().size(); i++) {
            String c = stage.columns().get(i);
            b.append(c).append(' ').append(types.columnType(schema.columns().get(i).type()))
                    .append(keyed && keys.contains(c) ? " NOT NULL, " : " NULL, ");
        }
        b.append(stage.seq()).append(" BIGINT NOT NULL, ").append(stage.op()).append(" CHAR(1) NOT NULL, PRIMARY KEY (")
                .append(keyed ? StageColumns.list(keys, "") : stage.seq()).append(')');
        if (!keyed && !keys.isEmpty()) {
            b.append(", KEY (").append(StageColumns.list(keys, "")).append(')');
        }
        return List.of(drop(stage), b.append(')').append(ddl.tableOptions()).toString());
    }

    @Override
    public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
        StringBuilder b = new StringBuilder("DELETE m FROM ").append(names.quote(table)).append(" AS m JOIN ")
                .append(stage.table()).append(" AS s ON ");
        List<String> keys = StageColumns.keys(schema, stage);
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : " AND ").append("m.").append(keys.get(i)).append(" = s.").append(keys.get(i));
        }
        return b.append(" WHERE s.").append(stage.op()).append(" = 'D'").toString();
    }

    @Override
    public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" (")
                .append(StageColumns.list(stage.columns(), "")).append(") SELECT ")
                .append(StageColumns.list(stage.columns(), "s.")).append(" FROM ").append(stage.table())
                .append(" AS s WHERE s.").append(stage.op()).append(" <> 'D' ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < stage.columns().size(); i++) {
            String c = stage.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(c).append(" = VALUES(").append(c).append(')');
        }
        return b.toString();
    }

    /** DELETE, not TRUNCATE: this keeps the stage's rows in core's transaction. */
    @Override
    public List<String> clearStage(StagedChanges stage, StageUse use) {
        return List.of("DELETE FROM " + stage.table());
    }

    @Override
    public List<String> dropStage(StagedChanges stage, StageUse use) {
        return List.of(drop(stage));
    }

    private static String drop(StagedChanges stage) {
        return "DROP TEMPORARY TABLE IF EXISTS " + stage.table();
    }
}
