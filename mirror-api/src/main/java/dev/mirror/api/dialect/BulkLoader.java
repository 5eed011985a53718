package dev.mirror.api.dialect;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

/**
 * A target's bulk path (COPY, bulk copy, batched inserts). Obtained through {@link TargetDialect#bulk()}. Core calls it
 * to (re)populate a table, on a worker thread, inside the transaction it opened (do not commit, roll back or close).
 */
public interface BulkLoader {
    /**
     * Loads rows into {@code table} streaming: never more than a bounded number of rows in memory.
     *
     * @param table    a target name; the table exists (usually empty or a shadow)
     * @param schema   the source schema; row values are positional against its columns, whose target names are
     *                 {@code names().targetName(column.name())}
     * @param rows     read once, on the calling thread
     * @param progress told the number of rows loaded so far, now and then; never null
     * @return the number of rows loaded
     * @throws SQLException as the driver threw it (core translates it through {@link TargetDialect#errors()})
     * @throws dev.mirror.api.MirrorException when a row does not fit the schema (wrong size, a value the target cannot hold)
     */
    long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException;
}
