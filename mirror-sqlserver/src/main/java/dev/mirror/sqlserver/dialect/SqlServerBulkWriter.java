package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs {@code SQLServerBulkCopy} on the caller's connection.
 *
 * <p>Transactions: {@code new SQLServerBulkCopy(connection)} with an existing connection does no
 * transaction management of its own ("When a connection object is passed in, bulk copy will use that
 * connection object's transaction", driver source; Microsoft's "Using bulk copy with the JDBC driver",
 * section "Performing a bulk copy operation in a transaction"). With auto-commit off, as core runs it, the
 * rows are part of core's transaction and commit or roll back with the LSN. {@code UseInternalTransaction}
 * stays false (the driver refuses it with an external connection).
 *
 * <p>Options (SQLServerBulkCopyOptions; https://learn.microsoft.com/sql/connect/jdbc/using-bulk-copy-with-the-jdbc-driver):
 * KeepNulls (a NULL stays NULL instead of taking the column default), KeepIdentity (source identity values
 * are kept), FireTriggers off and CheckConstraints off (the mirror copies rows that the source already
 * validated; user triggers on the mirror must not run per load), TableLock for full loads (a bulk update lock
 * allows minimal logging and avoids row-lock overhead on a table being filled).
 */
final class SqlServerBulkWriter {
    private final BulkSettings settings;

    SqlServerBulkWriter(BulkSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    SQLServerBulkCopyOptions options(boolean tableLock) throws SQLException {
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setKeepNulls(true);
        o.setKeepIdentity(true);
        o.setFireTriggers(false);
        o.setCheckConstraints(false);
        o.setTableLock(tableLock);
        o.setUseInternalTransaction(false);
        o.setBatchSize(settings.batchSize());
        o.setBulkCopyTimeout(settings.timeoutSeconds());
        return o;
    }

    /**
     * Copies {@code data} into {@code destination}, mapping source ordinal i to {@code destinationColumns[i-1]}
     * (raw names: the driver quotes them itself).
     */
    long write(Connection connection, String destination, List<String> destinationColumns, RowBulkRecord data,
               boolean tableLock) throws SQLException {
        // pools hand out proxies; the driver needs its own connection class
        Connection physical = connection.isWrapperFor(ISQLServerConnection.class)
                ? connection.unwrap(ISQLServerConnection.class) : connection;
        try (SQLServerBulkCopy copy = new SQLServerBulkCopy(physical)) {
            copy.setBulkCopyOptions(options(tableLock));
            copy.setDestinationTableName(destination);
            for (int i = 0; i < destinationColumns.size(); i++) {
                copy.addColumnMapping(i + 1, destinationColumns.get(i));
            }
            copy.writeToServer(data);
        }
        return data.rowCount();
    }
}
