package dev.mirror.h2;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * H2's stage for {@link dev.mirror.dialect.support.StagedApply}: columns {@code M_SEQ}, {@code M_OP}, {@code C1..Cn}
 * (never an untrusted identifier), filled with batched inserts ({@link BatchInsert}), applied with one MERGE per chunk.
 *
 * <p>{@link StageUse#APPLY}: a session-local temporary table created with {@code TRANSACTIONAL}, the only H2 DDL that
 * does not commit the open transaction (https://h2database.com/html/commands.html#create_table), emptied with DELETE,
 * so the whole apply stays in core's transaction. It lives as long as the connection and its name carries a hash of the
 * column types, so a schema change gets a fresh one.
 *
 * <p>{@link StageUse#CORE}: not a temporary table, because a process killed after core's statements ran, before the
 * commit, leaves an undo log that refers to the temporary table's storage, which H2 drops when it opens the database
 * again, and then refuses to open it ("map with id … is missing during initialization"; found by the history crash
 * test, also with {@code NOT PERSISTENT}). So it is an ordinary table in a schema of its own ({@value #SCHEMA}, never
 * listed among the mirror's tables), one per mirror table, emptied after each batch; an interrupted batch's rows are
 * rolled back with it. Creating it is DDL, which H2 commits at once: it happens only the first time a table is staged,
 * at the start of core's transaction for the batch (nothing is in it yet).
 */
final class H2StageSql implements StageSql, StageWriter {
    static final String SCHEMA = "MIRROR_STAGING";

    private final DialectNames names;
    private final H2Limits limits;

    H2StageSql(DialectNames names, H2Limits limits) {
        this.names = requireNonNull(names, "names is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            columns.add("C" + (i + 1));
        }
        String name = use == StageUse.APPLY ? stageName(schema) : SCHEMA + "." + coreStageName(currentSchema(connection), table, schema);
        return new StagedChanges(name, columns, "M_SEQ", "M_OP");
    }

    /** The APPLY stage's name: fixed prefix + hash of the column types (never an untrusted identifier). */
    static String stageName(TableSchema schema) {
        return "MIRROR_STAGE_" + sha256Hex(typesOf(schema), 8);
    }

    /**
     * The CORE stage's name: {@code STAGE_} and a hash of the schema the mirror lives in, the table's name and the staged
     * column types: distinct per mirror table (two contexts may share a database), never an untrusted identifier.
     */
    static String coreStageName(String currentSchema, String table, TableSchema schema) {
        return "STAGE_" + sha256Hex(currentSchema + "\u0000" + table + "\u0000" + stageName(schema), 10);
    }

    private static String typesOf(TableSchema schema) {
        StringBuilder b = new StringBuilder();
        for (Column c : schema.columns()) {
            b.append(H2Types.columnType(c.type())).append(schema.isKey(schema.indexOf(c.name())) ? "*" : "").append(';');
        }
        return b.toString();
    }

    @Override
    public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
        StringBuilder b = new StringBuilder(use == StageUse.APPLY ? "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " : "CREATE TABLE IF NOT EXISTS ")
                .append(stage.table()).append(" (M_SEQ BIGINT PRIMARY KEY, M_OP CHARACTER(1) NOT NULL");
        for (int i = 0; i < schema.columnCount(); i++) {
            b.append(", ").append(stage.columns().get(i)).append(' ').append(H2Types.columnType(schema.columns().get(i).type()));
        }
        b.append(')').append(use == StageUse.APPLY ? " TRANSACTIONAL" : "");
        if (use == StageUse.APPLY) {
            return List.of(b.toString(), "DELETE FROM " + stage.table()); // leftovers of a rolled-back apply on this connection
        }
        return List.of("CREATE SCHEMA IF NOT EXISTS " + SCHEMA, b.toString());
    }

    /**
     * The CORE stage is created only when missing, and under a process-wide lock: tables are processed in parallel
     * (run.workers), and H2 can fail two concurrent IF NOT EXISTS creations of the same object with "object already
     * exists".
     */
    @Override
    public void prepareStage(Connection connection, String table, TableSchema schema, StagedChanges stage, StageUse use)
            throws SQLException {
        if (use == StageUse.APPLY) {
            StageSql.run(connection, createStage(table, schema, stage, use));
        } else if (!exists(connection, stage.table().substring(SCHEMA.length() + 1))) {
            synchronized (H2StageSql.class) {
                StageSql.run(connection, createStage(table, schema, stage, use));
            }
        }
    }

    @Override
    public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
        return "DELETE FROM " + names.quote(table) + " T WHERE EXISTS (SELECT 1 FROM "
                + lastChanges(schema, stage, " AND " + stage.op() + " = 'D'") + " WHERE " + keyMatch(names, schema, stage) + ")";
    }

    @Override
    public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
        return merge(table, schema, stage, lastChanges(schema, stage, " AND " + stage.op() + " <> 'D'"), false);
    }

    /**
     * One MERGE per staged chunk. The source keeps the highest M_SEQ per key (the last change); a last change D deletes
     * a matched row and is ignored when unmatched; I and U update or insert.
     */
    @Override
    public Optional<String> mergeFromStage(String table, TableSchema schema, StagedChanges stage) {
        return Optional.of(merge(table, schema, stage, lastChanges(schema, stage, ""), true));
    }

    private String merge(String table, TableSchema schema, StagedChanges stage, String source, boolean deletes) {
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
        StringBuilder b = new StringBuilder("MERGE INTO ").append(names.quote(table)).append(" T USING ").append(source)
                .append(" ON ").append(keyMatch(names, schema, stage));
        if (deletes) {
            b.append(" WHEN MATCHED AND S.").append(stage.op()).append(" = 'D' THEN DELETE");
        }
        if (set.length() > 0) {
            b.append(" WHEN MATCHED THEN UPDATE SET ").append(set);
        }
        return b.append(" WHEN NOT MATCHED").append(deletes ? " AND S." + stage.op() + " <> 'D'" : "").append(" THEN INSERT (")
                .append(cols).append(") VALUES (").append(vals).append(')').toString();
    }

    @Override
    public List<String> clearStage(StagedChanges stage, StageUse use) {
        return List.of("DELETE FROM " + stage.table());
    }

    /** Both stages are kept (the temporary one for the connection's life) and emptied. */
    @Override
    public List<String> dropStage(StagedChanges stage, StageUse use) {
        return clearStage(stage, use);
    }

    /** The INSERT that fills the stage. */
    static String insertStage(StagedChanges stage) {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(stage.table()).append(" (").append(stage.seq())
                .append(", ").append(stage.op());
        StringBuilder p = new StringBuilder("?, ?");
        for (String c : stage.columns()) {
            b.append(", ").append(c);
            p.append(", ?");
        }
        return b.append(") VALUES (").append(p).append(')').toString();
    }

    @Override
    public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                      Iterator<StagedChange> changes) throws SQLException {
        List<SqlType> types = new ArrayList<>();
        types.add(SqlType.of(SqlServerType.BIGINT));
        types.add(SqlType.ofLength(SqlServerType.CHAR, 1));
        for (Column c : schema.columns()) {
            types.add(c.type());
        }
        try (BatchInsert insert = new BatchInsert(connection, insertStage(stage), types, H2Binder.BINDER, limits.batchRows(),
                limits.batchBytes())) {
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

    private String column(TableSchema schema, int i) {
        return names.quote(names.targetName(schema.columns().get(i).name()));
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection connection, String stage) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, SCHEMA);
            ps.setString(2, stage);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static String sha256Hex(String s, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
