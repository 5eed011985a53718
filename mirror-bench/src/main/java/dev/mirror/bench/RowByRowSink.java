package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * The row-by-row baseline, written the way the Kafka Connect JDBC sink ({@code insert.mode=upsert},
 * {@code delete.enabled=true}) and the Debezium JDBC sink write to PostgreSQL: one
 * {@code INSERT … VALUES (?, …) ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c, …} per inserted or updated row and one
 * {@code DELETE … WHERE key = ?} per deleted row, each added to a JDBC batch, the batches executed and committed
 * every {@code batchSize} changes. The connection should have {@code reWriteBatchedInserts=true} (pgjdbc then sends
 * a batch of inserts as multi-row {@code VALUES}, as those sinks recommend).
 *
 * @param upsertSql the upsert statement, identifiers quoted by the dialect
 * @param deleteSql the delete statement
 * @param keyIndex  the key column's position
 * @param batchSize changes per JDBC batch and per commit
 */
record RowByRowSink(String upsertSql, String deleteSql, int keyIndex, int batchSize) {
    RowByRowSink {
        requireNonNull(upsertSql, "upsertSql is null");
        requireNonNull(deleteSql, "deleteSql is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** Builds the statements from quoted names; {@code key} must be one of {@code columns}. */
    static RowByRowSink of(String quotedTable, List<String> quotedColumns, String quotedKey, int batchSize) {
        int keyIndex = quotedColumns.indexOf(quotedKey);
        if (keyIndex < 0) {
            throw new IllegalArgumentException("key " + quotedKey + " is not among the columns");
        }
        StringBuilder b = new StringBuilder("INSERT INTO ").append(quotedTable).append(" (")
                .append(String.join(", ", quotedColumns)).append(") VALUES (");
        for (int i = 0; i < quotedColumns.size(); i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        b.append(") ON CONFLICT (").append(quotedKey).append(") DO UPDATE SET ");
        boolean first = true;
        for (String c : quotedColumns) {
            if (!c.equals(quotedKey)) {
                b.append(first ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
                first = false;
            }
        }
        String delete = "DELETE FROM " + quotedTable + " WHERE " + quotedKey + " = ?";
        return new RowByRowSink(b.toString(), delete, keyIndex, batchSize);
    }

    /** Writes the changes; the connection must have auto-commit off. Returns the number of changes written. */
    long write(Connection c, Iterator<RowChange> changes) throws SQLException {
        long n = 0;
        try (PreparedStatement upsert = c.prepareStatement(upsertSql); PreparedStatement delete = c.prepareStatement(deleteSql)) {
            int pending = 0;
            while (changes.hasNext()) {
                RowChange change = changes.next();
                Row row = change.row();
                if (change.operation() == Operation.DELETE) {
                    delete.setObject(1, row.get(keyIndex));
                    delete.addBatch();
                } else {
                    for (int i = 0; i < row.size(); i++) {
                        upsert.setObject(i + 1, row.get(i));
                    }
                    upsert.addBatch();
                }
                n++;
                if (++pending == batchSize) {
                    flush(c, upsert, delete);
                    pending = 0;
                }
            }
            if (pending > 0) {
                flush(c, upsert, delete);
            }
        }
        return n;
    }

    private static void flush(Connection c, PreparedStatement upsert, PreparedStatement delete) throws SQLException {
        upsert.executeBatch();
        delete.executeBatch();
        c.commit();
    }
}
