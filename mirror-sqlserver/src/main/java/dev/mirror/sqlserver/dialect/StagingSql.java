package dev.mirror.sqlserver.dialect;

import static dev.mirror.sqlserver.dialect.SqlServerNames.quote;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The SQL of one incremental batch: a session temp table, then one set-wise DELETE and one INSERT.
 *
 * <p>Why DELETE + INSERT and not MERGE: Microsoft's own MERGE page warns that MERGE needs a unique source
 * per target row ("a MERGE statement can't UPDATE/DELETE the same row of the target table multiple
 * times") and lists concurrency caveats (it must run with HOLDLOCK to be safe against concurrent inserts;
 * https://learn.microsoft.com/sql/t-sql/statements/merge-transact-sql, "Concurrency considerations for
 * MERGE"), and it has had a long list of fixed and open defects around filtered indexes and indexed views,
 * which users of the mirror are free to add. Two plain statements do the same job, are easy to read in a
 * trace, and run inside the caller's transaction, so readers never see the gap between them.
 *
 * <p>Stage columns are named by position ({@code c0}, {@code c1}, ...) next to {@code seq} and
 * {@code op}, so no source column name can clash with them. They are all nullable (a delete carries only
 * the key) and character columns get {@code COLLATE DATABASE_DEFAULT}: a temp table otherwise takes tempdb's
 * collation, and comparing its keys with the mirror's would fail with "Cannot resolve the collation
 * conflict" (error 468) on servers whose tempdb collation differs
 * (https://learn.microsoft.com/sql/t-sql/statements/collations, "DATABASE_DEFAULT").
 */
final class StagingSql {
    private final Function<String, String> targetName;

    StagingSql(Function<String, String> targetName) {
        this.targetName = targetName;
    }

    /**
     * The stage's name for a table: {@code #mirror_stage_} plus a hash of the table name. Temp table names
     * are limited to 116 characters, so the table name itself cannot be part of it; the hash keeps it
     * deterministic (a repeated attempt on the same session reuses it) and distinct per table.
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

    String dropStage(String table) {
        return "DROP TABLE IF EXISTS " + stageName(table);
    }

    String createStage(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(stageName(table))
                .append(" ([seq] bigint NOT NULL, [op] char(1) NOT NULL");
        for (int i = 0; i < schema.columnCount(); i++) {
            Column c = schema.columns().get(i);
            b.append(", [").append(stageColumn(i)).append("] ").append(SqlServerTypes.ddlType(c.type()));
            if (c.type().base().family() == dev.mirror.api.model.TypeFamily.CHARACTER) {
                b.append(" COLLATE DATABASE_DEFAULT");
            }
            b.append(" NULL");
        }
        return b.append(')').toString();
    }

    /** Deletes every mirror row whose key appears in the batch, whatever the operation. */
    String deleteMatching(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("DELETE t FROM ").append(quote(table)).append(" AS t INNER JOIN ")
                .append(stageName(table)).append(" AS s ON ");
        int[] keys = schema.keyIndexes();
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : " AND ").append("t.").append(quote(targetName.apply(schema.columns().get(keys[i]).name())))
                    .append(" = s.[").append(stageColumn(keys[i])).append(']');
        }
        return b.toString();
    }

    /** Inserts, per key, the last change of the batch when it is not a delete. */
    String insertLatest(String table, TableSchema schema) {
        StringBuilder cols = new StringBuilder();
        StringBuilder stageCols = new StringBuilder();
        for (int i = 0; i < schema.columnCount(); i++) {
            cols.append(i == 0 ? "" : ", ").append(quote(targetName.apply(schema.columns().get(i).name())));
            stageCols.append(i == 0 ? "" : ", ").append('[').append(stageColumn(i)).append(']');
        }
        StringBuilder partition = new StringBuilder();
        int[] keys = schema.keyIndexes();
        for (int i = 0; i < keys.length; i++) {
            partition.append(i == 0 ? "" : ", ").append('[').append(stageColumn(keys[i])).append(']');
        }
        return "INSERT INTO " + quote(table) + " (" + cols + ") SELECT " + stageCols
                + " FROM (SELECT " + stageCols + ", [op], ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY [seq] DESC) AS [rn] FROM " + stageName(table) + ") AS s WHERE s.[rn] = 1 AND s.[op] <> 'D'";
    }
}
