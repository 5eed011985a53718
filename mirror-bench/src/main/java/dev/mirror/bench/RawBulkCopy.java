package dev.mirror.bench;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import dev.mirror.sqlserver.dialect.BulkSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The native bulk path benchmark 5a measures the mirror against: {@code SQLServerBulkCopy} on the caller's
 * connection (so in its transaction) from a {@link RawBulkRecord}, with the options the {@code sqlserver} dialect
 * uses for a full load — TABLOCK, KeepNulls, KeepIdentity, no triggers, no constraint checks, the dialect's
 * default batch size and timeout ({@link BulkSettings#DEFAULTS}) — so the two paths differ only in what the mirror
 * adds around the same driver call.
 */
final class RawBulkCopy {
    private RawBulkCopy() {
    }

    static SQLServerBulkCopyOptions options() throws SQLException {
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setTableLock(true);
        o.setKeepNulls(true);
        o.setKeepIdentity(true);
        o.setFireTriggers(false);
        o.setCheckConstraints(false);
        o.setUseInternalTransaction(false);
        o.setBatchSize(BulkSettings.DEFAULTS.batchSize());
        o.setBulkCopyTimeout(BulkSettings.DEFAULTS.timeoutSeconds());
        return o;
    }

    /**
     * Copies the record's rows into {@code quotedTable}, source ordinal i into {@code columns[i-1]}; returns the rows
     * sent. Leaves the transaction to the caller.
     */
    static long load(Connection c, String quotedTable, List<String> columns, RawBulkRecord data) throws SQLException {
        Connection physical = c.isWrapperFor(ISQLServerConnection.class) ? c.unwrap(ISQLServerConnection.class) : c;
        try (SQLServerBulkCopy copy = new SQLServerBulkCopy(physical)) {
            copy.setBulkCopyOptions(options());
            copy.setDestinationTableName(quotedTable);
            for (int i = 0; i < columns.size(); i++) {
                copy.addColumnMapping(i + 1, columns.get(i));
            }
            copy.writeToServer(data);
        }
        return data.count();
    }
}
