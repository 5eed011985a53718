package com.example.mirror.hsqldb;

import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.dialect.support.ValueBinder;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * How HSQLDB gets row values as statement parameters, for dialect-support's batched inserts (the bulk path of full
 * loads and the filling of the stage, {@link HsqlStageSql}). Values are always bound as parameters, never put into SQL
 * text. Batches are bounded by rows only (the default {@link ValueBinder#size}).
 */
final class HsqlBinder implements ValueBinder {
    static final HsqlBinder INSTANCE = new HsqlBinder();

    private HsqlBinder() {
    }

    @Override
    public void bind(PreparedStatement ps, int index, SqlType type, Object value) throws SQLException {
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
}
