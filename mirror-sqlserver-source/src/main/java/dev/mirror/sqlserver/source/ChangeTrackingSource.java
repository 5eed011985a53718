package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.SQLServerConnection;
import dev.mirror.api.MirrorException;
import dev.mirror.api.admin.Diagnostics;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.SnapshotReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL Server Change Tracking pull source.
 *
 * <p>A cycle reads, in one SNAPSHOT transaction, the catalog, {@code CHANGE_TRACKING_CURRENT_VERSION()} and
 * then each table's rows or changes: everything is as of one point in time, which is what Microsoft's
 * change tracking guidance prescribes for consistent results
 * (https://learn.microsoft.com/sql/relational-databases/track-changes/work-with-change-tracking-sql-server,
 * "Use snapshot isolation"). A failing table is logged and the others go on; the mirror retries it next
 * cycle from its stored LSN. If the transaction itself is lost (for example error 3961, a table changed by
 * DDL during the cycle), the remaining tables fail this cycle and are retried next cycle.
 */
public final class ChangeTrackingSource implements PullSource {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTrackingSource.class);

    private final ChangeTrackingConfig config;
    private volatile List<SkippedTable> skipped = List.of();
    private volatile List<RetentionHeadroom> headroom = List.of();

    public ChangeTrackingSource(ChangeTrackingConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * A new connection to the source; the caller closes it. The password goes only to the driver. QUOTED_IDENTIFIER
     * is set ON because names containing {@code ]} are quoted with double quotation marks
     * ({@link dev.mirror.sqlserver.common.SqlServerNames#quote}).
     */
    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (config.user() != null) {
            p.setProperty("user", config.user());
        }
        if (config.password() != null) {
            p.setProperty("password", config.password());
        }
        p.setProperty("applicationName", "mirror");
        Connection c = DriverManager.getConnection(config.url(), p);
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(ChangeTrackingSql.SESSION_SETTINGS);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public void runCycle(MirrorProtocol protocol) {
        try (Connection c = connect()) {
            if (config.enableChangeTracking()) {
                new ChangeTrackingEnabler(config.schema(), config.retentionDays())
                        .run(c, sql -> LOG.info("Enabling change tracking: {}", sql));
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(SQLServerConnection.TRANSACTION_SNAPSHOT);
            try {
                cycle(c, protocol);
            } finally {
                c.rollback(); // read-only: ends the snapshot transaction
            }
        } catch (SQLException e) {
            throw sourceFailure(e);
        }
    }

    private void cycle(Connection c, MirrorProtocol protocol) throws SQLException {
        SourceCatalog.Result catalog = SourceCatalog.read(c, config.schema());
        long current = currentVersion(c);
        skipped = catalog.skipped();
        for (SkippedTable s : catalog.skipped()) {
            LOG.warn("Source table '{}' is not mirrored: {}", s.table(), s.reason());
        }
        List<TableAnswer> answers = protocol.schema(catalog.tables());
        Map<String, TableSchema> byName = new HashMap<>();
        catalog.tables().forEach(t -> byName.put(t.name(), t));
        Map<String, Long> stored = new HashMap<>();
        TableSync sync = new TableSync(c, config.schema(), config.batchSize());
        for (TableAnswer a : answers) {
            TableSchema table = byName.get(a.table());
            if (!a.accepted() || table == null) {
                continue;
            }
            try {
                stored.put(a.table(), sync.sync(protocol, table, a.lsn(), current));
            } catch (SQLException | RuntimeException e) {
                LOG.error("Table '{}' could not be read from the source this cycle (stays at LSN {}): {}",
                        a.table(), a.lsn(), e.getMessage());
                stored.put(a.table(), a.lsn());
            }
        }
        headroom = headroom(c, stored);
    }

    private List<RetentionHeadroom> headroom(Connection c, Map<String, Long> stored) throws SQLException {
        List<RetentionHeadroom> r = ChangeTrackingDiagnostics.headroom(stored, ChangeTrackingDiagnostics.minValidVersions(c, config.schema()));
        r.stream().min((x, y) -> Long.compare(x.headroom(), y.headroom())).ifPresent(m -> LOG.info(
                "Change tracking retention: smallest headroom is table '{}' ({} versions above the minimum valid version)",
                m.table(), m.headroom()));
        return List.copyOf(r);
    }

    static long currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ChangeTrackingSql.CURRENT_VERSION)) {
            long v = rs.next() ? rs.getLong(1) : 0;
            if (rs.wasNull()) {
                throw MirrorException.configuration("CHANGE_TRACKING_OFF", "change tracking is not enabled on the source"
                        + " database; enable it (ALTER DATABASE ... SET CHANGE_TRACKING = ON) or set enableChangeTracking: true");
            }
            return v;
        }
    }

    /** A failed SQL Server call as a MirrorException (also for the diagnostics and the admin command). */
    static MirrorException sourceFailure(SQLException e) {
        if (e.getErrorCode() == 3952) {
            return MirrorException.configuration("SNAPSHOT_ISOLATION_OFF", "the source database does not allow SNAPSHOT"
                    + " isolation; run 'ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON' or set enableChangeTracking: true");
        }
        return MirrorException.source("SOURCE_FAILED", ResultSetChanges.isTransient(e), "reading the SQL Server source"
                + " failed: " + e.getMessage() + " (SQL Server error " + e.getErrorCode() + ", SQLState " + e.getSQLState() + ")", e);
    }

    /** The tables the last cycle did not mirror, with the reason. */
    public List<SkippedTable> skippedTables() {
        return skipped;
    }

    /** Per table, after the last cycle: stored LSN minus CHANGE_TRACKING_MIN_VALID_VERSION. */
    public List<RetentionHeadroom> retentionHeadroom() {
        return headroom;
    }

    /** Retention headroom per table and the {@code enable-change-tracking} command, on this source's connection settings. */
    @Override
    public Optional<Diagnostics> diagnostics() {
        return Optional.of(new ChangeTrackingDiagnostics(this::connect, config.schema(), config.retentionDays()));
    }

    @Override
    public Optional<SnapshotReader> snapshotReader() {
        return Optional.of(new ChangeTrackingSnapshotReader(this::connect, config.schema()));
    }

    @Override
    public void close() {
        // connections are opened per cycle and closed at its end
    }
}
