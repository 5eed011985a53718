package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.SqlType;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.function.UnaryOperator;

/**
 * One column of the raw bulk copy baseline, as a developer describes it to {@code ISQLServerBulkRecord} from the
 * table's declared type: a {@link java.sql.Types} code, precision and scale, and the conversion (if any) a value
 * needs before the driver takes it.
 *
 * <p>Temporal values go as ISO 8601 text: for an {@code ISQLServerBulkRecord} the driver sends date/time columns
 * as {@code varchar} text whatever type they are declared with ({@code SQLServerBulkCopy.writeColumnToTdsWriter}:
 * "we send the temporal types as varchar and SQL Server does the conversion"), and ISO 8601 with a {@code T} is
 * the form SQL Server reads the same under every language and DATEFORMAT
 * (https://learn.microsoft.com/sql/t-sql/data-types/datetime-transact-sql). Every other value goes as is.
 *
 * @param name      the destination column's name (unquoted: the driver quotes mapped names itself)
 * @param jdbcType  a {@link Types} code
 * @param precision precision, or the length of a character or binary column ({@link Integer#MAX_VALUE} for max)
 * @param scale     scale
 * @param convert   applied to each non-null value, or null when the value goes as is
 */
record RawColumn(String name, int jdbcType, int precision, int scale, UnaryOperator<Object> convert) {
    private static final int TEMPORAL_TEXT = 50;

    RawColumn {
        requireNonNull(name, "name is null");
    }

    static RawColumn of(String name, SqlType type) {
        int len = type.isMax() ? Integer.MAX_VALUE : type.length();
        return switch (type.base()) {
            case TINYINT -> new RawColumn(name, Types.TINYINT, 3, 0, null);
            case SMALLINT -> new RawColumn(name, Types.SMALLINT, 5, 0, null);
            case INT -> new RawColumn(name, Types.INTEGER, 10, 0, null);
            case BIGINT -> new RawColumn(name, Types.BIGINT, 19, 0, null);
            case BIT -> new RawColumn(name, Types.BIT, 1, 0, null);
            case REAL -> new RawColumn(name, Types.REAL, 7, 0, null);
            case FLOAT -> new RawColumn(name, Types.DOUBLE, 15, 0, null);
            case SMALLMONEY -> new RawColumn(name, Types.DECIMAL, 10, 4, null);
            case MONEY -> new RawColumn(name, Types.DECIMAL, 19, 4, null);
            case DECIMAL, NUMERIC -> new RawColumn(name, Types.DECIMAL, type.precision(), type.scale(), null);
            case CHAR, VARCHAR, TEXT -> new RawColumn(name, Types.VARCHAR, len, 0, null);
            case NCHAR, NVARCHAR, NTEXT -> new RawColumn(name, Types.NVARCHAR, len, 0, null);
            case SMALLDATETIME -> temporal(name, "uuuu-MM-dd'T'HH:mm:ss");
            case DATETIME -> temporal(name, "uuuu-MM-dd'T'HH:mm:ss.SSS");
            case DATETIME2 -> temporal(name, "uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");
            case DATE -> temporal(name, "uuuu-MM-dd");
            case TIME -> temporal(name, "HH:mm:ss.SSSSSSS");
            case DATETIMEOFFSET -> temporal(name, "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");
            case UNIQUEIDENTIFIER -> new RawColumn(name, Types.CHAR, 36, 0, Object::toString);
            case BINARY, VARBINARY, IMAGE -> new RawColumn(name, Types.VARBINARY, len, 0, null);
        };
    }

    private static RawColumn temporal(String name, String pattern) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern);
        return new RawColumn(name, Types.VARCHAR, TEMPORAL_TEXT, 0, v -> f.format((TemporalAccessor) v));
    }

    /** The value the driver gets for {@code value} (null stays null). */
    Object value(Object value) {
        return value == null || convert == null ? value : convert.apply(value);
    }
}
