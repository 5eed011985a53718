package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import dev.mirror.sqlserver.common.SqlServerNames;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** SQL Server's bulk path: bulk copy with TABLOCK into the table (core loads an empty or shadow table). */
final class SqlServerBulkLoader implements BulkLoader {
    private final DialectNames names;
    private final SqlServerBulkWriter writer;

    SqlServerBulkLoader(DialectNames names, SqlServerBulkWriter writer) {
        this.names = requireNonNull(names, "names is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        RowBulkRecord data = RowBulkRecord.forRows(schema, rows, progress);
        List<String> columns = new ArrayList<>(schema.columnCount());
        for (Column c : schema.columns()) {
            columns.add(names.targetName(c.name()));
        }
        // the driver puts the destination into OBJECT_ID('...') too: the bracket form (SqlServerNames#bracketed)
        long n = writer.write(connection, SqlServerNames.bracketed(table), columns, data, true);
        progress.rows(n);
        return n;
    }
}
