package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One prepared INSERT executed in JDBC batches bounded by rows and bytes, so that only one batch of values is
 * ever held in memory. Used for bulk loads and for filling the staging table.
 */
final class H2BatchInsert implements AutoCloseable {
    private final PreparedStatement ps;
    private final List<SqlType> types;
    private final H2Limits limits;
    private int pendingRows;
    private long pendingBytes;
    private long flushedRows;

    H2BatchInsert(Connection connection, String sql, List<SqlType> types, H2Limits limits) throws SQLException {
        this.types = List.copyOf(types);
        this.limits = requireNonNull(limits, "limits is null");
        this.ps = connection.prepareStatement(sql);
    }

    /** Adds one row (values in parameter order); executes the batch when it is full. */
    void add(Object[] values) throws SQLException {
        long bytes = 0;
        for (int i = 0; i < values.length; i++) {
            H2Binder.bind(ps, i + 1, types.get(i), values[i]);
            bytes += H2Binder.size(values[i]);
        }
        ps.addBatch();
        pendingRows++;
        pendingBytes += bytes;
        if (pendingRows >= limits.batchRows() || pendingBytes >= limits.batchBytes()) {
            flush();
        }
    }

    /** Executes what is pending. */
    void flush() throws SQLException {
        if (pendingRows > 0) {
            ps.executeBatch();
            ps.clearBatch();
            flushedRows += pendingRows;
            pendingRows = 0;
            pendingBytes = 0;
        }
    }

    /** Rows executed so far. */
    long flushedRows() {
        return flushedRows;
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
