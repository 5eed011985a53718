package com.example.mirror.hsqldb;

import static dev.mirror.dialect.support.StageQueries.keyMatch;
import static dev.mirror.dialect.support.StageQueries.lastChanges;
import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.BatchInsert;
import dev.mirror.dialect.support.StageSql;
import dev.mirror.dialect.support.StageUse;
import dev.mirror.dialect.support.StageWriter;
import dev.mirror.dialect.support.StagedChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * HSQLDB's stage for {@link dev.mirror.dialect.support.StagedApply}: a session-local temporary table
 * ({@code DECLARE LOCAL TEMPORARY TABLE ... ON COMMIT PRESERVE ROWS}) with columns {@code M_SEQ}, {@code M_OP},
 * {@code C1..Cn}, filled with batched inserts (dialect-support's {@link BatchInsert}), applied as delete-then-MERGE.
 *
 * <p>Why a declared temporary table: every other DDL statement commits the open transaction in HSQLDB, DECLARE does
 * not (it only changes the session), so the whole apply stays in core's transaction, and its rows are rolled back with
 * it. It is never written to the database files, so a crash leaves nothing behind. It lives as long as the connection;
 * its name is a fixed prefix, the use and a hash of the table's name and column types, never an untrusted
 * identifier, so a schema change gets a fresh one.
 */
final class HsqlStageSql implements StageSql, StageWriter {
    /** The length a LOB column's value has in the stage: HSQLDB's largest (2^30, the default CLOB/BLOB length). */
    static final int LOB_STAGE_LENGTH = 1 << 30;

    private final DialectNames names;
    private final int batchRows;

    HsqlStageSql(DialectNames names, int batchRows) {
        this.names = requireNonNull(names, "names is null");
        this.batchRows = batchRows;
    }

    @Override
    public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) {
        List<String> columns = new ArrayList<>();
        StringBuilder types = new StringBuilder(table).append('\u0000');
        for (int i = 0; i < schema.columnCount(); i++) {
            columns.add("C" + (i + 1));
            types.append(HsqlTypes.columnType(schema.columns().get(i).type())).append(schema.isKey(i) ? "*;" : ";");
        }
        String name = "SESSION.MIRROR_" + use.name() + "_" + sha256Hex(types.toString());
        return new StagedChanges(name, columns, "M_SEQ", "M_OP");
    }

    @Override
    public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
        StringBuilder b = new StringBuilder("DECLARE LOCAL TEMPORARY TABLE ").append(stage.table())
                .append(" (M_SEQ BIGINT PRIMARY KEY, M_OP CHARACTER(1) NOT NULL");
        for (int i = 0; i < schema.columnCount(); i++) {
            b.append(", ").append(stage.columns().get(i)).append(' ').append(stageType(schema.columns().get(i).type()));
        }
        return List.of(b.append(") ON COMMIT PRESERVE ROWS").toString());
    }

    /**
     * A stage column's type: the column's own, but a LOB becomes a long VARCHAR/VARBINARY, because a temporary table
     * cannot hold LOB columns ("column of LOB or ARRAY type cannot be used"); MERGE converts them back.
     */
    static String stageType(SqlType type) {
        String t = HsqlTypes.columnType(type);
        return t.equals(HsqlTypes.CLOB) ? "CHARACTER VARYING(" + LOB_STAGE_LENGTH + ")"
                : t.equals(HsqlTypes.BLOB) ? "VARBINARY(" + LOB_STAGE_LENGTH + ")" : t;
    }

    /**
     * Declares the stage unless this connection has it already (HSQLDB has no DECLARE ... IF NOT EXISTS), in which case
     * it is emptied of an earlier, rolled-back batch's leftovers. A failed statement does not end an HSQLDB transaction,
     * so probing with DELETE is safe inside core's.
     */
    @Override
    public void prepareStage(Connection connection, String table, TableSchema schema, StagedChanges stage, StageUse use)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + stage.table());
        } catch (SQLException notDeclared) {
            StageSql.run(connection, createStage(table, schema, stage, use));
        }
    }

    /** Deletes the rows whose key's last change is a delete. */
    @Override
    public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
        return "DELETE FROM " + names.quote(table) + " T WHERE EXISTS (SELECT 1 FROM "
                + lastChanges(schema, stage, " AND " + stage.op() + " = 'D'") + " WHERE " + keyMatch(names, schema, stage) + ")";
    }

    /** One MERGE of the keys whose last change is an insert or update: update when the row exists, insert otherwise. */
    @Override
    public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
        StringBuilder set = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int i = 0; i < schema.columnCount(); i++) {
            if (!schema.isKey(i)) {
                set.append(set.length() == 0 ? "" : ", ").append(column(schema, i)).append(" = S.").append(stage.columns().get(i));
            }
            cols.append(i == 0 ? "" : ", ").append(column(schema, i));
            vals.append(i == 0 ? "" : ", ").append("S.").append(stage.columns().get(i));
        }
        StringBuilder b = new StringBuilder("MERGE INTO ").append(names.quote(table)).append(" T USING ")
                .append(lastChanges(schema, stage, " AND " + stage.op() + " <> 'D'"))
                .append(" ON (").append(keyMatch(names, schema, stage))
                .append(')');
        if (set.length() > 0) {
            b.append(" WHEN MATCHED THEN UPDATE SET ").append(set);
        }
        return b.append(" WHEN NOT MATCHED THEN INSERT (").append(cols).append(") VALUES (").append(vals).append(')').toString();
    }

    @Override
    public List<String> clearStage(StagedChanges stage, StageUse use) {
        return List.of("DELETE FROM " + stage.table());
    }

    /** The stage is kept for the connection's life (declaring it again would fail) and emptied. */
    @Override
    public List<String> dropStage(StagedChanges stage, StageUse use) {
        return clearStage(stage, use);
    }

    @Override
    public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                      Iterator<StagedChange> changes) throws SQLException {
        List<SqlType> types = new ArrayList<>(List.of(SqlType.of(SqlServerType.BIGINT), SqlType.ofLength(SqlServerType.CHAR, 1)));
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(stage.table()).append(" (").append(stage.seq())
                .append(", ").append(stage.op());
        StringBuilder params = new StringBuilder("?, ?");
        for (int i = 0; i < schema.columnCount(); i++) {
            types.add(schema.columns().get(i).type());
            sql.append(", ").append(stage.columns().get(i));
            params.append(", ?");
        }
        sql.append(") VALUES (").append(params).append(')');
        try (BatchInsert insert = new BatchInsert(connection, sql.toString(), types, HsqlBinder.INSTANCE, batchRows,
                Long.MAX_VALUE)) {
            while (changes.hasNext()) {
                StagedChange change = changes.next();
                Object[] values = new Object[schema.columnCount() + 2];
                values[0] = change.seq();
                values[1] = change.opCode();
                for (int i = 0; i < schema.columnCount(); i++) {
                    values[i + 2] = change.row().get(i);
                }
                insert.add(values);
            }
            insert.flush();
        }
    }

    /** 20 hex digits of the SHA-256 of {@code s}: distinct per table and column types, a valid identifier part. */
    private static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private String column(TableSchema schema, int i) {
        return names.quote(names.targetName(schema.columns().get(i).name()));
    }
}
