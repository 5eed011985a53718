package dev.mirror.tests;

import dev.mirror.api.model.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Normalizes a value (from the source model or read back from a mirror through JDBC) to a comparable form for its
 * SQL Server type, so that "mirror equals source" compares values, not driver classes. Temporal values are compared at
 * microsecond precision (PostgreSQL's; documented loss), everything else exactly.
 */
final class Values {
    private Values() {
    }

    static Object normalize(SqlType type, Object v) {
        if (v == null) {
            return null;
        }
        try {
            if (v instanceof Clob c) {
                v = c.getSubString(1, (int) c.length());
            } else if (v instanceof Blob b) {
                v = b.getBytes(1, (int) b.length());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return switch (type.base().family()) {
            case INTEGER -> ((Number) v).longValue();
            case BOOLEAN -> v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
            case APPROXIMATE_NUMERIC -> type.base() == dev.mirror.api.model.SqlServerType.REAL
                    ? (double) ((Number) v).floatValue() : ((Number) v).doubleValue();
            case EXACT_NUMERIC -> new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
            case CHARACTER -> {
                String s = v.toString();
                boolean fixed = type.base() == dev.mirror.api.model.SqlServerType.CHAR || type.base() == dev.mirror.api.model.SqlServerType.NCHAR;
                yield fixed ? s.stripTrailing() : s;
            }
            case BINARY -> HexFormat.of().formatHex(v instanceof byte[] b ? b : readAll(v));
            case DATETIME -> micros(v instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) v);
            case DATE -> v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
            case TIME -> (v instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) v).truncatedTo(ChronoUnit.MICROS);
            case DATETIMEOFFSET -> ((OffsetDateTime) v).toInstant().truncatedTo(ChronoUnit.MICROS);
            case UUID -> v instanceof UUID u ? u : UUID.fromString(v.toString());
        };
    }

    private static LocalDateTime micros(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] readAll(Object v) {
        if (v instanceof java.io.InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("not binary: " + v.getClass());
    }
}
