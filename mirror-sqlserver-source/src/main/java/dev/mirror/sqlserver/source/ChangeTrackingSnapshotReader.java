package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.source.SnapshotReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Reads the source's current mirrored tables and rows for {@code mirror verify}. */
final class ChangeTrackingSnapshotReader implements SnapshotReader {
    /** Opens a source connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final String schema;

    ChangeTrackingSnapshotReader(Connector connector, String schema) {
        this.connector = requireNonNull(connector, "connector is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** The tables a cycle would mirror (with a primary key, change tracking on and supported types). */
    @Override
    public List<TableSchema> tables() {
        try (Connection c = connector.connect()) {
            return SourceCatalog.read(c, schema).tables();
        } catch (SQLException e) {
            throw MirrorException.source("SOURCE_FAILED", false, "reading the source catalog failed: " + e.getMessage(), e);
        }
    }

    /** Rows in key order; the cursor owns its connection and closes it. */
    @Override
    public ChangeCursor rows(TableSchema table) {
        Connection c = null;
        try {
            c = connector.connect();
            PreparedStatement ps = c.prepareStatement(ChangeTrackingSql.snapshot(schema, table));
            ps.setFetchSize(TableSync.FETCH_SIZE);
            ResultSetChanges rows = new ResultSetChanges(ps, ps.executeQuery(), RowMappers.snapshot(table), table.name());
            Connection owned = c;
            return ChangeCursor.of(rows, () -> {
                rows.close();
                try {
                    owned.close();
                } catch (SQLException ignored) {
                    // nothing left to release
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // reporting the original failure
                }
            }
            throw MirrorException.source("SOURCE_FAILED", false, "reading table '" + table.name() + "' failed: "
                    + e.getMessage(), e);
        }
    }
}
