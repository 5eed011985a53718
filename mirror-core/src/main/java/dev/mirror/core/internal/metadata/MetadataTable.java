package dev.mirror.core.internal.metadata;

import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping table {@code <context>_mirroring}: one row per mirrored (or blocked) table with its schema
 * hash and LSN. Its DDL comes from the dialect like any mirror table (its columns are declared as SQL Server
 * types); its DML is plain parameterized SQL that every target accepts. Every method runs in the caller's
 * transaction, so an LSN update commits together with the rows it covers.
 */
public final class MetadataTable {
    public static final String OK = "ok";
    public static final String REPOPULATING = "repopulating";
    public static final String FAILED = "failed";
    public static final String BLOCKED = "blocked";

    private static final int MESSAGE_LIMIT = 1000;
    /**
     * The longest source table name the metadata table holds: 450 characters, so that the primary key stays within
     * SQL Server's 900-byte index key limit (nvarchar is 2 bytes a character). SQL Server names are at most 128.
     */
    public static final int TABLE_NAME_LIMIT = 450;

    private final TargetDialect dialect;
    private final String sourceName;
    private final String q;
    private final String cTable;
    private final String cHash;
    private final String cLsn;
    private final String cState;
    private final String cDef;
    private final String cUpdated;
    private final String cMessage;
    private final String cOptions;
    /** Set once the table is known to have the options column (added to metadata tables created before it existed). */
    private volatile boolean hasOptionsColumn;

    public MetadataTable(TargetDialect dialect, String metadataTableName) {
        this.dialect = java.util.Objects.requireNonNull(dialect, "dialect is null");
        this.sourceName = metadataTableName;
        this.q = dialect.names().quote(dialect.names().targetName(metadataTableName));
        this.cTable = col("tablename");
        this.cHash = col("schemahash");
        this.cLsn = col("lsn");
        this.cState = col("state");
        this.cDef = col("schema_def");
        this.cUpdated = col("updated_at");
        this.cMessage = col("message");
        this.cOptions = col("options");
    }

    private String col(String name) {
        return dialect.names().quote(dialect.names().targetName(name));
    }

    /** The metadata table's name in the target. */
    public String targetName() {
        return dialect.names().targetName(sourceName);
    }

    /** The metadata table's columns, as SQL Server types mapped by the dialect like any other table. */
    public TableSchema schema() {
        return new TableSchema(sourceName, List.of(
                Column.of("tablename", SqlType.ofLength(SqlServerType.NVARCHAR, TABLE_NAME_LIMIT), false),
                Column.of("schemahash", SqlType.ofLength(SqlServerType.VARCHAR, 64), false),
                Column.of("lsn", SqlType.of(SqlServerType.BIGINT), false),
                Column.of("state", SqlType.ofLength(SqlServerType.VARCHAR, 16), false),
                Column.of("schema_def", SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX), true),
                Column.of("updated_at", SqlType.fractional(SqlServerType.DATETIME2, 3), true),
                Column.of("message", SqlType.ofLength(SqlServerType.NVARCHAR, MESSAGE_LIMIT), true),
                optionsColumn()),
                List.of("tablename"));
    }

    private static Column optionsColumn() {
        return Column.of("options", SqlType.ofLength(SqlServerType.NVARCHAR, OPTIONS_LIMIT), true);
    }

    /** The longest options text recorded (column lists are long only for unusual configurations). */
    private static final int OPTIONS_LIMIT = 4000;

    /** Creates the table (the caller checked it is missing). */
    public void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : dialect.ddl().createTable(targetName(), schema())) {
                s.execute(sql);
            }
        }
        hasOptionsColumn = true;
    }

    /**
     * Adds the {@code options} column to a metadata table created before table options existed: one catalog query, once
     * per process (the caller checked the table exists). Its rows then read as {@code mode=mirror}, what they were built with.
     */
    public void upgrade(Connection c) throws SQLException {
        if (hasOptionsColumn) {
            return;
        }
        boolean present = dialect.catalog().describeTable(c, targetName()).map(cols -> cols.stream()
                .anyMatch(col -> col.name().equalsIgnoreCase(dialect.names().targetName("options")))).orElse(true);
        if (!present) {
            try (Statement s = c.createStatement()) {
                for (String sql : dialect.ddl().addColumn(targetName(), optionsColumn())) {
                    s.execute(sql);
                }
            }
        }
        hasOptionsColumn = true;
    }

    /** All rows, keyed by source table name. One query. */
    public Map<String, MetadataRow> readAll(Connection c) throws SQLException {
        Map<String, MetadataRow> rows = new LinkedHashMap<>();
        String sql = "SELECT " + cTable + ", " + cHash + ", " + cLsn + ", " + cState + ", " + cDef + ", " + cUpdated + ", "
                + cMessage + ", " + cOptions + " FROM " + q;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp ts = rs.getTimestamp(6);
                MetadataRow row = new MetadataRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), ts == null ? null : ts.toLocalDateTime(), rs.getString(7), rs.getString(8));
                rows.put(row.table(), row);
            }
        }
        return rows;
    }

    /** Inserts or replaces a table's row. */
    public void upsert(Connection c, MetadataRow row) throws SQLException {
        String update = "UPDATE " + q + " SET " + cHash + " = ?, " + cLsn + " = ?, " + cState + " = ?, " + cDef + " = ?, "
                + cUpdated + " = ?, " + cMessage + " = ?, " + cOptions + " = ? WHERE " + cTable + " = ?";
        try (PreparedStatement p = c.prepareStatement(update)) {
            bind(p, row);
            p.setString(8, row.table());
            if (p.executeUpdate() > 0) {
                return;
            }
        }
        String insert = "INSERT INTO " + q + " (" + cHash + ", " + cLsn + ", " + cState + ", " + cDef + ", " + cUpdated + ", "
                + cMessage + ", " + cOptions + ", " + cTable + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = c.prepareStatement(insert)) {
            bind(p, row);
            p.setString(8, row.table());
            p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, MetadataRow row) throws SQLException {
        p.setString(1, row.schemaHash());
        p.setLong(2, row.lsn());
        p.setString(3, row.state());
        p.setString(4, row.schemaDef());
        p.setTimestamp(5, Timestamp.valueOf(row.updatedAt() == null ? now() : row.updatedAt()));
        p.setString(6, truncate(row.message()));
        p.setString(7, row.options());
    }

    /** Sets a table's LSN and state (the LSN commit of a batch). Returns false when the table has no row. */
    public boolean setLsn(Connection c, String table, long lsn, String state, String message) throws SQLException {
        String sql = "UPDATE " + q + " SET " + cLsn + " = ?, " + cState + " = ?, " + cUpdated + " = ?, " + cMessage + " = ? WHERE "
                + cTable + " = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, lsn);
            p.setString(2, state);
            p.setTimestamp(3, Timestamp.valueOf(now()));
            p.setString(4, truncate(message));
            p.setString(5, table);
            return p.executeUpdate() > 0;
        }
    }

    /** Sets a table's state back to ok (keeping its LSN) when it is still {@code failed}; returns whether it was. */
    public boolean clearFailure(Connection c, String table) throws SQLException {
        String sql = "UPDATE " + q + " SET " + cState + " = ?, " + cUpdated + " = ?, " + cMessage + " = ? WHERE " + cTable
                + " = ? AND " + cState + " = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, OK);
            p.setTimestamp(2, Timestamp.valueOf(now()));
            p.setString(3, null);
            p.setString(4, table);
            p.setString(5, FAILED);
            return p.executeUpdate() > 0;
        }
    }

    /** Sets a table's state and message, keeping its LSN (failures). */
    public void setState(Connection c, String table, String state, String message) throws SQLException {
        String sql = "UPDATE " + q + " SET " + cState + " = ?, " + cUpdated + " = ?, " + cMessage + " = ? WHERE " + cTable + " = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, state);
            p.setTimestamp(2, Timestamp.valueOf(now()));
            p.setString(3, truncate(message));
            p.setString(4, table);
            p.executeUpdate();
        }
    }

    /** Removes a table's row. */
    public void delete(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + q + " WHERE " + cTable + " = ?")) {
            p.setString(1, table);
            p.executeUpdate();
        }
    }

    /** Sets the LSN of some tables (or all when {@code tables} is null) to -1: a forced resync. Returns rows changed. */
    public int resetLsn(Connection c, List<String> tables) throws SQLException {
        if (tables == null) {
            try (PreparedStatement p = c.prepareStatement("UPDATE " + q + " SET " + cLsn + " = -1 WHERE " + cState + " <> ?")) {
                p.setString(1, BLOCKED);
                return p.executeUpdate();
            }
        }
        int n = 0;
        try (PreparedStatement p = c.prepareStatement("UPDATE " + q + " SET " + cLsn + " = -1 WHERE " + cTable + " = ?")) {
            for (String t : tables) {
                p.setString(1, t);
                n += p.executeUpdate();
            }
        }
        return n;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MESSAGE_LIMIT ? s : s.substring(0, MESSAGE_LIMIT - 1) + "…";
    }
}
