package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Lsn;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one table of the mirror to the snapshot's version: a full repopulation or the net changes since
 * the stored LSN, in batches. Runs inside the source's SNAPSHOT transaction.
 */
final class TableSync {
    private static final Logger LOG = LoggerFactory.getLogger(TableSync.class);
    /** Rows the driver fetches per round trip for streaming reads (a hint under adaptive buffering). */
    static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final String schema;
    private final int batchSize;

    TableSync(Connection connection, String schema, int batchSize) {
        this.connection = requireNonNull(connection, "connection is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.batchSize = batchSize;
    }

    /** Why the table must be repopulated, or null when changes can be read from {@code storedLsn}. */
    static String repopulationReason(long storedLsn, long minValid, long current) {
        if (Lsn.needsRepopulation(storedLsn)) {
            return "the mirror asks for a full copy (LSN " + storedLsn + ": first sync, recreated table or reset)";
        }
        if (storedLsn < minValid) {
            return "the stored LSN " + storedLsn + " is older than CHANGE_TRACKING_MIN_VALID_VERSION " + minValid
                    + ": the change history no longer reaches back that far (retention cleaned it up)";
        }
        if (storedLsn > current) {
            return "the stored LSN " + storedLsn + " is ahead of the source's current version " + current
                    + " (was the source database restored or replaced?)";
        }
        return null;
    }

    long minValidVersion(TableSchema table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ChangeTrackingSql.MIN_VALID_VERSION)) {
            ps.setNString(1, ChangeTrackingSql.objectName(schema, table.name()));
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                if (rs.wasNull()) {
                    throw new SQLException("change tracking is not enabled on table '" + table.name() + "' (any more)");
                }
                return v;
            }
        }
    }

    /**
     * Syncs the table.
     *
     * @return the table's LSN after the sync (its stored LSN when a batch failed)
     */
    long sync(MirrorProtocol protocol, TableSchema table, long storedLsn, long current) throws SQLException {
        long minValid = minValidVersion(table);
        String reason = repopulationReason(storedLsn, minValid, current);
        if (reason != null) {
            LOG.info("Table '{}': full repopulation at version {} because {}", table.name(), current, reason);
            try (ChangeCursor rows = open(ChangeTrackingSql.snapshot(schema, table), RowMappers.snapshot(table), table,
                    OptionalLong.empty())) {
                return done(table, protocol.repopulate(table.name(), rows, current), storedLsn, current);
            }
        }
        if (storedLsn == current) {
            return current;
        }
        try (ChangeCursor changes = open(ChangeTrackingSql.changes(schema, table), RowMappers.changes(table), table,
                OptionalLong.of(storedLsn))) {
            while (true) {
                // at most batchSize rows are held; the next row is only read to learn whether this batch is the last
                List<RowChange> batch = new ArrayList<>(Math.min(batchSize, 1024));
                while (batch.size() < batchSize && changes.hasNext()) {
                    batch.add(changes.next());
                }
                boolean last = !changes.hasNext();
                ChangeBatch b = last ? ChangeBatch.last(table.name(), ChangeCursor.of(batch), current)
                        : ChangeBatch.partial(table.name(), ChangeCursor.of(batch));
                ApplyResult r = protocol.apply(b);
                if (!r.succeeded() || last) {
                    return done(table, r, storedLsn, current);
                }
            }
        }
    }

    private long done(TableSchema table, ApplyResult r, long storedLsn, long current) {
        if (r.succeeded()) {
            return current;
        }
        LOG.warn("Table '{}' failed in the mirror and stays at LSN {}: {}", table.name(), storedLsn, r.error());
        return storedLsn;
    }

    private ChangeCursor open(String sql, ResultSetChanges.Mapper mapper, TableSchema table, OptionalLong version)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(FETCH_SIZE);
            if (version.isPresent()) {
                ps.setLong(1, version.getAsLong());
            }
            return new ResultSetChanges(ps, ps.executeQuery(), mapper, table.name());
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
