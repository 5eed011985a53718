package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.StagedChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Stages a whole batch for core's soft delete and history statements ({@link dev.mirror.api.dialect.TargetDialect#withStagedChanges})
 * and hands it to core. Unlike the mirror-mode apply it does not cut the batch into chunks: core's statements need the
 * whole batch at once (one version time per batch); batches are bounded by the source.
 *
 * <p>Why not a temporary table like {@link H2ChangeApplier}: a process killed after core's statements ran, before the
 * commit, leaves an undo log that refers to the temporary table's storage, which H2 drops when it opens the database
 * again, and then refuses to open it ("map with id … is missing during initialization"; found by the history crash
 * test, also with {@code NOT PERSISTENT}). So the stage is an ordinary table in a schema of its own
 * ({@value #SCHEMA}, never listed among the mirror's tables), one per mirror table, emptied after each batch; an
 * interrupted batch's rows are rolled back with it. Creating it is DDL, which H2 commits at once: it happens only the
 * first time a table is staged, at the start of core's transaction for the batch (nothing is in it yet).
 */
final class H2Stager {
    private final H2Limits limits;

    H2Stager(H2Limits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    static final String SCHEMA = "MIRROR_STAGING";

    /** An ordinary table with the columns of {@link H2ChangeApplier#createStage}. */
    static String createStage(String stage, TableSchema schema) {
        return H2ChangeApplier.createStage(stage, schema).replace("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS ", "CREATE TABLE IF NOT EXISTS ")
                .replace(") TRANSACTIONAL", ")");
    }

    /**
     * {@code STAGE_} and a hash of the schema the mirror lives in, the table's name and the staged column types: distinct
     * per mirror table (two contexts may share a database), never an untrusted identifier.
     */
    static String stageName(Connection connection, String table, TableSchema schema) throws SQLException {
        String current;
        try (Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA")) {
            rs.next();
            current = rs.getString(1);
        }
        String types = H2ChangeApplier.stageName(schema);
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest((current + "\u0000" + table + "\u0000" + types)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "STAGE_" + java.util.HexFormat.of().formatHex(d, 0, 10).toUpperCase(java.util.Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static boolean exists(Connection connection, String stage) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, SCHEMA);
            ps.setString(2, stage);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    TableCounts stage(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes, StagedChanges.Work work)
            throws SQLException {
        String stage = SCHEMA + "." + stageName(connection, table, schema);
        List<SqlType> types = new ArrayList<>();
        types.add(SqlType.of(SqlServerType.BIGINT));
        types.add(SqlType.ofLength(SqlServerType.CHAR, 1));
        List<String> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            types.add(c.type());
            columns.add("C" + (columns.size() + 1));
        }
        if (!exists(connection, stage.substring(SCHEMA.length() + 1))) {
            // Tables are processed in parallel (run.workers): H2 can fail two concurrent IF NOT EXISTS creations of the
            // same object with "object already exists", so the DDL of staging is serialized per process.
            synchronized (H2Stager.class) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
                    s.execute(createStage(stage, schema));
                }
            }
        }
        long[] counts = new long[3];
        long seq = 0;
        try (H2BatchInsert insert = new H2BatchInsert(connection, H2ChangeApplier.insertStage(stage, schema), types, limits)) {
            while (changes.hasNext()) {
                RowChange change = changes.next();
                if (change.row().size() != schema.columnCount()) {
                    throw new IllegalArgumentException("a change for table '" + schema.name() + "' has " + change.row().size()
                            + " values but the table has " + schema.columnCount() + " columns");
                }
                Object[] values = new Object[schema.columnCount() + 2];
                values[0] = ++seq;
                values[1] = String.valueOf(change.operation().code());
                for (int i = 0; i < schema.columnCount(); i++) {
                    values[i + 2] = change.row().get(i);
                }
                insert.add(values);
                counts[change.operation().ordinal()]++;
            }
            insert.flush();
        }
        if (seq > 0) {
            work.run(connection, new StagedChanges(stage, columns, "M_SEQ", "M_OP"));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM " + stage);
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }
}
