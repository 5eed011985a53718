package dev.mirror.sqlserver.source;

import static dev.mirror.sqlserver.source.ChangeTrackingSql.qualified;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Enables what the Change Tracking source needs on a source database: change tracking on the database
 * (with a retention and auto cleanup), snapshot isolation (so schema, rows and version are read at one
 * point in time), and change tracking on every table of the schema that has a primary key and lacks it
 * (https://learn.microsoft.com/sql/relational-databases/track-changes/enable-and-disable-change-tracking-sql-server).
 * Only missing settings produce statements, so running it twice does nothing the second time.
 *
 * <p>The login needs ALTER on the database and the tables. {@code ALTER DATABASE} cannot run inside a user
 * transaction, so {@link #run} executes with auto-commit on.
 */
public final class ChangeTrackingEnabler {
    static final String DATABASE_TRACKED = "SELECT COUNT(*) FROM sys.change_tracking_databases WHERE database_id = DB_ID()";
    /** 1 = ON, 3 = in transition to ON. */
    static final String SNAPSHOT_ALLOWED = "SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()";
    static final String UNTRACKED_TABLES = "SELECT t.name FROM sys.tables AS t WHERE t.schema_id = SCHEMA_ID(?)"
            + " AND t.is_ms_shipped = 0"
            + " AND EXISTS (SELECT 1 FROM sys.indexes AS i WHERE i.object_id = t.object_id AND i.is_primary_key = 1)"
            + " AND NOT EXISTS (SELECT 1 FROM sys.change_tracking_tables AS c WHERE c.object_id = t.object_id)"
            + " ORDER BY t.name";

    /** What is already enabled. */
    public record State(boolean databaseTracked, boolean snapshotAllowed, List<String> untrackedTables) {
        public State {
            untrackedTables = List.copyOf(untrackedTables);
        }
    }

    private final String schema;
    private final int retentionDays;

    public ChangeTrackingEnabler(String schema, int retentionDays) {
        this.schema = requireNonNull(schema, "schema is null");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1, got " + retentionDays);
        }
        this.retentionDays = retentionDays;
    }

    /** The statements that enable what {@code state} lacks, in the order to run them. */
    public List<String> statements(State state) {
        List<String> r = new ArrayList<>();
        if (!state.snapshotAllowed()) {
            r.add("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON");
        }
        if (!state.databaseTracked()) {
            r.add("ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON (CHANGE_RETENTION = " + retentionDays
                    + " DAYS, AUTO_CLEANUP = ON)");
        }
        for (String t : state.untrackedTables()) {
            r.add("ALTER TABLE " + qualified(schema, t) + " ENABLE CHANGE_TRACKING");
        }
        return r;
    }

    /** Reads what is enabled on the connection's database. */
    public State state(Connection connection) throws SQLException {
        boolean tracked;
        boolean snapshot;
        List<String> untracked = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(DATABASE_TRACKED)) {
                tracked = rs.next() && rs.getInt(1) > 0;
            }
            try (ResultSet rs = s.executeQuery(SNAPSHOT_ALLOWED)) {
                int st = rs.next() ? rs.getInt(1) : 0;
                snapshot = st == 1 || st == 3;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(UNTRACKED_TABLES)) {
            ps.setNString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    untracked.add(rs.getString(1));
                }
            }
        }
        return new State(tracked, snapshot, untracked);
    }

    /** The statements this database needs, without running them. */
    public List<String> plan(Connection connection) throws SQLException {
        return statements(state(connection));
    }

    /**
     * Runs the needed statements one by one, handing each to {@code printer} before it runs.
     *
     * @return the statements run
     */
    public List<String> run(Connection connection, Consumer<String> printer) throws SQLException {
        List<String> plan = plan(connection);
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String sql : plan) {
                printer.accept(sql);
                s.execute(sql);
            }
        } finally {
            connection.setAutoCommit(auto);
        }
        return plan;
    }
}
