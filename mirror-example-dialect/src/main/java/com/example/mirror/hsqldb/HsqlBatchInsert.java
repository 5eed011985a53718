package com.example.mirror.hsqldb;

import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One prepared INSERT executed in JDBC batches of at most {@code batchRows} rows, so that only one batch of values is
 * held in memory: the bulk path of full loads ({@link HsqlBulkLoader}) and of the stage ({@link HsqlStageSql}). Values
 * are always bound as parameters, never put into SQL text. Not thread-safe: one per call.
 */
final class HsqlBatchInsert implements AutoCloseable {
    private final PreparedStatement ps;
    private final List<SqlType> types;
    private final int batchRows;
    private int pending;
    private long flushed;

    HsqlBatchInsert(Connection connection, String sql, List<SqlType> types, int batchRows) throws SQLException {
        this.types = List.copyOf(types);
        this.batchRows = batchRows;
        this.ps = connection.prepareStatement(sql);
    }

    /** Adds one row (values in parameter order); executes the batch when it is full. */
    void add(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(i + 1, types.get(i), values[i]);
        }
        ps.addBatch();
        if (++pending >= batchRows) {
            flush();
        }
    }

    private void bind(int index, SqlType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, HsqlTypes.jdbcType(type));
        } else if (value instanceof LocalDateTime t && type.base() == SqlServerType.DATETIME) {
            // datetime has 1/300 s ticks (.000/.003/.007): put the value on SQL Server's grid, not HSQLDB's rounding
            ps.setString(index, text(SqlServerDatetime.round(t)));
        } else if (value instanceof LocalDateTime t) {
            ps.setString(index, text(t));
        } else if (value instanceof LocalDate d) {
            ps.setString(index, d.toString());
        } else if (value instanceof OffsetDateTime t) {
            ps.setString(index, text(t.toLocalDateTime()) + t.getOffset().getId().replace("Z", "+00:00"));
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof UUID u) {
            ps.setString(index, u.toString()); // HSQLDB converts the canonical text to its UUID type
        } else if (value instanceof Float f) {
            ps.setDouble(index, Double.parseDouble(f.toString())); // REAL is DOUBLE here: keep the decimal value shown
        } else {
            // String, byte[], Short, Integer, Long, Boolean, Double and the java.time classes (JDBC 4.2 mapping)
            ps.setObject(index, value);
        }
    }

    /**
     * A timestamp as HSQLDB's literal text. Dates and timestamps are bound as text: HSQLDB converts java.time values
     * through the Julian calendar before 1582, which moved 0001-01-01 to 0001-01-03; its text parser is proleptic
     * Gregorian, as SQL Server and java.time are.
     */
    private static String text(LocalDateTime t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(t) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }

    /** Executes what is pending. */
    void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            ps.clearBatch();
            flushed += pending;
            pending = 0;
        }
    }

    /** Rows executed so far. */
    long flushedRows() {
        return flushed;
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
