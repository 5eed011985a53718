package dev.mirror.sqlserver.dialect;

import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Turns a {@link dev.mirror.api.model.Row} value into the Java object {@code SQLServerBulkCopy} expects for
 * the column's {@link BulkColumn} JDBC type: the driver casts ({@code (int) value}, {@code (long) value},
 * {@code (Boolean) value}, {@code (BigDecimal) value}), so the classes must match exactly.
 */
final class BulkValues {
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    static final DateTimeFormatter SMALLDATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    static final DateTimeFormatter DATETIME2 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS");
    static final DateTimeFormatter DATETIMEOFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private BulkValues() {
    }

    /**
     * The driver-side value of {@code value} for a column of {@code type}; null stays null.
     *
     * @throws IllegalArgumentException naming the type and the value's class when they do not fit
     */
    static Object convert(SqlType type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type.base()) {
                case TINYINT, SMALLINT -> ((Number) value).shortValue();
                case INT -> ((Number) value).intValue();
                case BIGINT -> ((Number) value).longValue();
                case BIT -> value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
                case REAL -> ((Number) value).floatValue();
                case FLOAT -> ((Number) value).doubleValue();
                case SMALLMONEY, MONEY -> scaled(value, 4);
                case DECIMAL, NUMERIC -> scaled(value, type.scale());
                case CHAR, VARCHAR, TEXT, NCHAR, NVARCHAR, NTEXT -> value.toString();
                case SMALLDATETIME -> format(SMALLDATETIME, value, LocalDateTime.class);
                // rounded to datetime's 1/300 s tick here, not left to the server: .0066667 would otherwise be cut to
                // .006 by the millisecond format (SqlServerDatetime)
                case DATETIME -> format(DATETIME, value instanceof LocalDateTime t ? SqlServerDatetime.round(t) : value,
                        LocalDateTime.class);
                case DATETIME2 -> format(DATETIME2, value, LocalDateTime.class);
                case DATE -> format(DATE, value, LocalDate.class);
                case TIME -> format(TIME, value, LocalTime.class);
                case DATETIMEOFFSET -> format(DATETIMEOFFSET, value, OffsetDateTime.class);
                case UNIQUEIDENTIFIER -> value.toString();
                case BINARY, VARBINARY, IMAGE -> (byte[]) value;
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("a " + type + " column cannot take a value of class "
                    + value.getClass().getName(), e);
        }
    }

    private static BigDecimal scaled(Object value, int scale) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        // values from a column of the same type already have this scale; rounding only trims extra digits
        return d.scale() == scale ? d : d.setScale(scale, RoundingMode.HALF_UP);
    }

    private static String format(DateTimeFormatter f, Object value, Class<? extends TemporalAccessor> expected) {
        if (value instanceof String s) {
            return s;
        }
        if (!expected.isInstance(value)) {
            throw new ClassCastException(value.getClass().getName());
        }
        return f.format((TemporalAccessor) value);
    }
}
