package dev.mirror.core.verify;

import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a column value, from the source (Java classes of {@code SqlServerType.javaType()}) or read back from the
 * mirror through JDBC, into one canonical text so both sides compare equal exactly when the mirror holds what the
 * source holds, <em>up to the losses the type mappings document</em>:
 * <ul>
 *   <li>fractional seconds beyond 6 digits (PostgreSQL keeps microseconds; docs/type-mapping-postgresql.md) are
 *       truncated on both sides;</li>
 *   <li>{@code datetimeoffset} compares as an instant (PostgreSQL stores UTC and drops the original offset);</li>
 *   <li>trailing spaces of {@code char}/{@code nchar} are insignificant (targets pad or strip them);</li>
 *   <li>decimals compare by value ({@code 1.50} equals {@code 1.5000}); GUIDs case-insensitively.</li>
 * </ul>
 * Every other difference (a changed character, a different number, a NULL against a value) is real.
 */
public final class ValueNormalizer {
    /** Digits of fractional seconds every bundled target keeps. */
    static final int KEPT_FRACTION_DIGITS = 6;

    private ValueNormalizer() {
    }

    /** The canonical text of a value of a column of this type; null for SQL NULL. */
    public static String normalize(SqlType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.base()) {
            case TINYINT, SMALLINT, INT, BIGINT -> Long.toString(((Number) value).longValue());
            case BIT -> value instanceof Boolean b ? (b ? "1" : "0") : (((Number) value).intValue() != 0 ? "1" : "0");
            case REAL -> Float.toString(((Number) value).floatValue());
            case FLOAT -> Double.toString(((Number) value).doubleValue());
            case SMALLMONEY, MONEY, DECIMAL, NUMERIC -> decimal(value);
            case CHAR, NCHAR -> stripTrailingSpaces(value.toString());
            case VARCHAR, NVARCHAR, TEXT, NTEXT -> value.toString();
            case SMALLDATETIME, DATETIME, DATETIME2 -> truncate((LocalDateTime) value, digits(type)).toString();
            case DATE -> ((LocalDate) value).toString();
            case TIME -> truncate((LocalTime) value, digits(type)).toString();
            case DATETIMEOFFSET -> truncate(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                    digits(type)) + "Z";
            case UNIQUEIDENTIFIER -> value.toString().toLowerCase(Locale.ROOT);
            case BINARY, VARBINARY, IMAGE -> HexFormat.of().formatHex((byte[]) value);
        };
    }

    /** Reads column {@code index} of the current row of a mirror table as the Java class the source uses. */
    public static Object read(ResultSet rs, int index, SqlType type) throws SQLException {
        Object v = switch (type.base()) {
            case TINYINT, SMALLINT, INT, BIGINT -> rs.getLong(index);
            case BIT -> rs.getBoolean(index);
            case REAL -> rs.getFloat(index);
            case FLOAT -> rs.getDouble(index);
            case SMALLMONEY, MONEY, DECIMAL, NUMERIC -> rs.getBigDecimal(index);
            case CHAR, NCHAR, VARCHAR, NVARCHAR, TEXT, NTEXT -> rs.getString(index);
            case SMALLDATETIME, DATETIME, DATETIME2 -> rs.getObject(index, LocalDateTime.class);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case DATETIMEOFFSET -> rs.getObject(index, OffsetDateTime.class);
            case UNIQUEIDENTIFIER -> {
                Object o = rs.getObject(index);
                yield o instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : o;
            }
            case BINARY, VARBINARY, IMAGE -> rs.getBytes(index);
        };
        return rs.wasNull() ? null : v;
    }

    private static int digits(SqlType type) {
        return switch (type.base()) {
            case SMALLDATETIME -> 0;
            case DATETIME -> 3;
            default -> Math.min(type.precision(), KEPT_FRACTION_DIGITS);
        };
    }

    private static LocalDateTime truncate(LocalDateTime t, int digits) {
        return t.withNano(truncateNanos(t.getNano(), digits));
    }

    private static LocalTime truncate(LocalTime t, int digits) {
        return t.withNano(truncateNanos(t.getNano(), digits));
    }

    private static int truncateNanos(int nanos, int digits) {
        int unit = (int) Math.pow(10, 9 - digits);
        return nanos - nanos % unit;
    }

    private static String decimal(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
