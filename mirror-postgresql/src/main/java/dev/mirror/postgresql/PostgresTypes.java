package dev.mirror.postgresql;

import dev.mirror.api.model.SqlType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server → PostgreSQL column types, and the normalization of PostgreSQL's catalog spelling
 * ({@code format_type}) to the same short form, so that {@link PostgresDialect#columnType} and
 * {@link PostgresDialect#describeTable} can be compared as strings. The table and its losses are documented
 * on {@link PostgresDialect} and in {@code docs/type-mapping-postgresql.md}.
 */
final class PostgresTypes {
    /** PostgreSQL keeps at most microseconds: timestamp(p), time(p), timestamptz(p) take p ≤ 6. */
    static final int MAX_FRACTION = 6;

    private static final Pattern CATALOG = Pattern.compile(
            "(character varying|character|timestamp|time)(\\(\\d+\\))?( without time zone| with time zone)?");

    private PostgresTypes() {
    }

    static String columnType(SqlType type) {
        return switch (type.base()) {
            case NVARCHAR, VARCHAR -> type.isMax() ? "text" : "varchar(" + type.length() + ")";
            case NTEXT, TEXT -> "text";
            // SQL Server's char(max) does not exist; nchar/char always have a length (default 1).
            case NCHAR, CHAR -> "char(" + type.length() + ")";
            case DATETIME -> "timestamp(3)";
            case SMALLDATETIME -> "timestamp(0)";
            case DATETIME2 -> "timestamp(" + fraction(type) + ")";
            case DATETIMEOFFSET -> "timestamptz(" + fraction(type) + ")";
            case DATE -> "date";
            case TIME -> "time(" + fraction(type) + ")";
            case BIT -> "boolean";
            case UNIQUEIDENTIFIER -> "uuid";
            case FLOAT -> "double precision";
            case REAL -> "real";
            case DECIMAL, NUMERIC -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case MONEY -> "numeric(19,4)";
            case SMALLMONEY -> "numeric(10,4)";
            case TINYINT, SMALLINT -> "smallint";
            case INT -> "integer";
            case BIGINT -> "bigint";
            case VARBINARY, BINARY, IMAGE -> "bytea";
        };
    }

    /** The fractional-second digits the target keeps for a datetime2/time/datetimeoffset type. */
    static int fraction(SqlType type) {
        return Math.min(type.precision(), MAX_FRACTION);
    }

    /**
     * Normalizes {@code format_type(atttypid, atttypmod)} output: {@code character varying(10)} →
     * {@code varchar(10)}, {@code character(3)} → {@code char(3)}, {@code timestamp(3) without time zone} →
     * {@code timestamp(3)}, {@code timestamp(6) with time zone} → {@code timestamptz(6)},
     * {@code time(6) without time zone} → {@code time(6)}. Other names are returned unchanged.
     */
    static String normalize(String catalogType) {
        String t = catalogType.trim().toLowerCase(Locale.ROOT);
        Matcher m = CATALOG.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String base = m.group(1);
        String mod = m.group(2) == null ? "" : m.group(2);
        boolean tz = " with time zone".equals(m.group(3));
        return switch (base) {
            case "character varying" -> "varchar" + mod;
            case "character" -> "char" + mod;
            case "timestamp" -> (tz ? "timestamptz" : "timestamp") + mod;
            default -> (tz ? "timetz" : "time") + mod;
        };
    }
}
