package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One prepared INSERT executed in JDBC batches bounded by rows and by bytes ({@link ValueBinder#size}), so that only
 * one batch of values is held in memory: the bulk path of dialects without a native bulk API
 * ({@link BatchInsertBulkLoader}) and the filling of a staging table. Not thread-safe: one per statement.
 */
public final class BatchInsert implements AutoCloseable {
    private final PreparedStatement ps;
    private final List<SqlType> types;
    private final ValueBinder binder;
    private final int batchRows;
    private final long batchBytes;
    private int pendingRows;
    private long pendingBytes;
    private long flushedRows;

    /**
     * @param sql        an {@code INSERT … VALUES (?, …)} with one parameter per entry of {@code types}
     * @param batchRows  rows after which a batch is executed (at least 1)
     * @param batchBytes bytes of values ({@link ValueBinder#size}) after which a batch is executed (at least 1)
     */
    public BatchInsert(Connection connection, String sql, List<SqlType> types, ValueBinder binder, int batchRows,
                       long batchBytes) throws SQLException {
        if (batchRows < 1 || batchBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive, got " + batchRows + " rows and " + batchBytes
                    + " bytes");
        }
        this.types = List.copyOf(types);
        this.binder = requireNonNull(binder, "binder is null");
        this.batchRows = batchRows;
        this.batchBytes = batchBytes;
        this.ps = connection.prepareStatement(sql);
    }

    /** Adds one row (values in parameter order); executes the batch when it is full. */
    public void add(Object[] values) throws SQLException {
        long bytes = 0;
        for (int i = 0; i < values.length; i++) {
            binder.bind(ps, i + 1, types.get(i), values[i]);
            bytes += binder.size(values[i]);
        }
        ps.addBatch();
        pendingRows++;
        pendingBytes += bytes;
        if (pendingRows >= batchRows || pendingBytes >= batchBytes) {
            flush();
        }
    }

    /** Executes what is pending. */
    public void flush() throws SQLException {
        if (pendingRows > 0) {
            ps.executeBatch();
            ps.clearBatch();
            flushedRows += pendingRows;
            pendingRows = 0;
            pendingBytes = 0;
        }
    }

    /** Rows executed so far. */
    public long flushedRows() {
        return flushedRows;
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
