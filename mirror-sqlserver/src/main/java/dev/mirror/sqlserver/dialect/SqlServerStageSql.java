package dev.mirror.sqlserver.dialect;

import static dev.mirror.sqlserver.common.SqlServerNames.quote;
import static java.util.Objects.requireNonNull;

import dev.mirror.sqlserver.common.SqlServerTypes;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.model.TypeFamily;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.dialect.support.StageSql;
import dev.mirror.dialect.support.StageUse;
import dev.mirror.dialect.support.StageWriter;
import dev.mirror.dialect.support.StagedChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * SQL Server's stage for {@link dev.mirror.dialect.support.StagedApply}: a session temp table filled with bulk copy, then
 * one set-wise DELETE and one INSERT, all in the caller's transaction (a rollback drops the stage too, because it was
 * created in the same transaction). Core's stage ({@link StageUse#CORE}) is the same table.
 *
 * <p>Why DELETE + INSERT and not MERGE: Microsoft's own MERGE page warns that MERGE needs a unique source per target row
 * ("a MERGE statement can't UPDATE/DELETE the same row of the target table multiple times") and lists concurrency
 * caveats (it must run with HOLDLOCK to be safe against concurrent inserts;
 * https://learn.microsoft.com/sql/t-sql/statements/merge-transact-sql, "Concurrency considerations for MERGE"), and it
 * has had a long list of fixed and open defects around filtered indexes and indexed views, which users of the mirror
 * are free to add. Two plain statements do the same job, are easy to read in a trace, and run inside the caller's
 * transaction, so readers never see the gap between them.
 *
 * <p>Stage columns are named by position ({@code c0}, {@code c1}, ...) next to {@code seq} and {@code op}, so no source
 * column name can clash with them. They are all nullable (a delete carries only the key) and character columns get
 * {@code COLLATE DATABASE_DEFAULT}: a temp table otherwise takes tempdb's collation, and comparing its keys with the
 * mirror's would fail with "Cannot resolve the collation conflict" (error 468) on servers whose tempdb collation differs
 * (https://learn.microsoft.com/sql/t-sql/statements/collations, "DATABASE_DEFAULT").
 */
final class SqlServerStageSql implements StageSql, StageWriter {
    private final DialectNames names;
    private final SqlServerBulkWriter writer;

    SqlServerStageSql(DialectNames names, SqlServerBulkWriter writer) {
        this.names = requireNonNull(names, "names is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    /**
     * The stage's name for a table: {@code #mirror_stage_} plus a hash of the table name. Temp table names are limited to
     * 116 characters, so the table name itself cannot be part of it; the hash keeps it deterministic (a repeated attempt
     * on the same session reuses it) and distinct per table.
     */
    static String stageName(String table) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(table.getBytes(StandardCharsets.UTF_8));
            return "#mirror_stage_" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The stage's name as the bulk copy destination (the driver documents {@code tempdb..#table}). */
    static String bulkDestination(String table) {
        return "tempdb.." + stageName(table);
    }

    static String stageColumn(int index) {
        return "c" + index;
    }

    @Override
    public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) {
        return stage(table, schema);
    }

    StagedChanges stage(String table, TableSchema schema) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            refs.add("[" + stageColumn(i) + "]");
        }
        return new StagedChanges(stageName(table), refs, "[seq]", "[op]");
    }

    @Override
    public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(stage.table())
                .append(" ([seq] bigint NOT NULL, [op] char(1) NOT NULL");
        for (int i = 0; i < schema.columnCount(); i++) {
            Column c = schema.columns().get(i);
            b.append(", ").append(stage.columns().get(i)).append(' ').append(SqlServerTypes.ddlType(c.type()));
            if (c.type().base().family() == TypeFamily.CHARACTER) {
                b.append(" COLLATE DATABASE_DEFAULT");
            }
            b.append(" NULL");
        }
        return List.of("DROP TABLE IF EXISTS " + stage.table(), b.append(')').toString());
    }

    /** Deletes every mirror row whose key appears in the batch, whatever the operation (the INSERT puts back the rest). */
    @Override
    public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
        StringBuilder b = new StringBuilder("DELETE t FROM ").append(quote(table)).append(" AS t INNER JOIN ")
                .append(stage.table()).append(" AS s ON ");
        int[] keys = schema.keyIndexes();
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : " AND ").append("t.").append(column(schema, keys[i])).append(" = s.")
                    .append(stage.columns().get(keys[i]));
        }
        return b.toString();
    }

    /** The DELETE removes every staged key, so it runs for every chunk, not only for chunks with deletes. */
    @Override
    public boolean deleteNeeded(TableCounts chunk) {
        return chunk.total() > 0;
    }

    /** Inserts, per key, the last change of the batch when it is not a delete. */
    @Override
    public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
        StringBuilder cols = new StringBuilder();
        String stageCols = String.join(", ", stage.columns());
        for (int i = 0; i < schema.columnCount(); i++) {
            cols.append(i == 0 ? "" : ", ").append(column(schema, i));
        }
        StringBuilder partition = new StringBuilder();
        int[] keys = schema.keyIndexes();
        for (int i = 0; i < keys.length; i++) {
            partition.append(i == 0 ? "" : ", ").append(stage.columns().get(keys[i]));
        }
        return "INSERT INTO " + quote(table) + " (" + cols + ") SELECT " + stageCols
                + " FROM (SELECT " + stageCols + ", " + stage.op() + ", ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY " + stage.seq() + " DESC) AS [rn] FROM " + stage.table() + ") AS s WHERE s.[rn] = 1 AND s."
                + stage.op() + " <> 'D'";
    }

    @Override
    public List<String> clearStage(StagedChanges stage, StageUse use) {
        return List.of("DELETE FROM " + stage.table());
    }

    @Override
    public List<String> dropStage(StagedChanges stage, StageUse use) {
        return List.of("DROP TABLE IF EXISTS " + stage.table());
    }

    /** Bulk copy into the stage (no TABLOCK: it is a session temp table). */
    @Override
    public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                      Iterator<StagedChange> changes) throws SQLException {
        List<String> columns = new ArrayList<>();
        columns.add("seq");
        columns.add("op");
        for (int i = 0; i < schema.columnCount(); i++) {
            columns.add(stageColumn(i));
        }
        writer.write(connection, bulkDestination(table), columns, RowBulkRecord.forStage(schema, changes), false);
    }

    private String column(TableSchema schema, int i) {
        return quote(names.targetName(schema.columns().get(i).name()));
    }
}
