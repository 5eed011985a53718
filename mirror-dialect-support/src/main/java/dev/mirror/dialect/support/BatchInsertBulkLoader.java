package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A bulk path for databases without a native bulk API: one prepared {@code INSERT INTO "t" ("c1", …) VALUES (?, …)} in
 * bounded JDBC batches ({@link BatchInsert}), names quoted by the dialect, values bound by its {@link ValueBinder}.
 */
public final class BatchInsertBulkLoader implements BulkLoader {
    private final DialectNames names;
    private final ValueBinder binder;
    private final int batchRows;
    private final long batchBytes;

    /** @see BatchInsert#BatchInsert for the limits */
    public BatchInsertBulkLoader(DialectNames names, ValueBinder binder, int batchRows, long batchBytes) {
        this.names = requireNonNull(names, "names is null");
        this.binder = requireNonNull(binder, "binder is null");
        this.batchRows = batchRows;
        this.batchBytes = batchBytes;
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        List<SqlType> types = new ArrayList<>();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" (");
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < schema.columnCount(); i++) {
            Column c = schema.columns().get(i);
            types.add(c.type());
            sql.append(i == 0 ? "" : ", ").append(names.quote(names.targetName(c.name())));
            params.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(params).append(')');
        try (BatchInsert insert = new BatchInsert(connection, sql.toString(), types, binder, batchRows, batchBytes)) {
            long reported = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.size() != schema.columnCount()) {
                    throw new IllegalArgumentException("a row for table '" + schema.name() + "' has " + row.size()
                            + " values but the table has " + schema.columnCount() + " columns");
                }
                insert.add(row.toArray());
                if (insert.flushedRows() != reported) {
                    reported = insert.flushedRows();
                    progress.rows(reported);
                }
            }
            insert.flush();
            if (insert.flushedRows() != reported) {
                progress.rows(insert.flushedRows());
            }
            return insert.flushedRows();
        }
    }
}
