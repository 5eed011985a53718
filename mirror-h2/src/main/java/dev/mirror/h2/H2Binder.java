package dev.mirror.h2;

import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.dialect.support.ValueBinder;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Binds row values (the Java classes of SqlServerType) as parameters; values are never put into SQL text. */
final class H2Binder {
    /** The binder of H2's batched inserts ({@link dev.mirror.dialect.support.BatchInsert}): these methods. */
    static final ValueBinder BINDER = new ValueBinder() {
        @Override
        public void bind(PreparedStatement ps, int index, SqlType type, Object value) throws SQLException {
            H2Binder.bind(ps, index, type, value);
        }

        @Override
        public long size(Object value) {
            return H2Binder.size(value);
        }
    };

    private H2Binder() {
    }

    static void bind(PreparedStatement ps, int index, SqlType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, H2Types.jdbcType(type));
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (value instanceof LocalDateTime t && type.base() == SqlServerType.DATETIME) {
            // SQL Server's datetime has 1/300 s ticks, shown as .000/.003/.007; TIMESTAMP(3) would keep what H2's own
            // rounding makes of the nanoseconds, so the value is put on SQL Server's grid first (SqlServerDatetime)
            ps.setObject(index, SqlServerDatetime.round(t));
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else {
            // Short, Integer, Long, Boolean, Float, Double, UUID and the java.time classes: H2 binds them directly
            // (JDBC 4.2 mapping), which avoids java.sql.Timestamp's calendar shift of dates before 1582.
            ps.setObject(index, value);
        }
    }

    /** A rough in-memory size of a value, to bound the bytes a JDBC batch holds. */
    static long size(Object value) {
        if (value instanceof String s) {
            return 40L + 2L * s.length();
        }
        if (value instanceof byte[] b) {
            return 24L + b.length;
        }
        return 24L;
    }
}
