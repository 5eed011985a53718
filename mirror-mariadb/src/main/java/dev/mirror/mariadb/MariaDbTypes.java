package dev.mirror.mariadb;

import dev.mirror.api.model.SqlType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server → MariaDB column types (the {@code types()} concern), and the normalization of MariaDB's catalog spelling
 * ({@code information_schema.COLUMNS.COLUMN_TYPE}) to the same form, so that {@link MariaDbDialect#columnType} and
 * {@link MariaDbDialect#describeTable} compare as strings. The table, its losses and the reasons are documented in
 * {@code docs/type-mapping-mariadb.md}.
 *
 * <p>Character data is utf8mb4 throughout (the table's default character set). A {@code varchar(n)} of MariaDB counts
 * its length in characters, but the server limits every row to 65,535 bytes of declared VARCHAR/VARBINARY length
 * (4 bytes per utf8mb4 character) and InnoDB limits an index key to 3,072 bytes: so lengths up to
 * {@link #MAX_VARCHAR} characters (3,072 bytes, always indexable, so any such column can be a key) are {@code varchar(n)},
 * longer ones {@code text} (65,535 bytes: SQL Server's 8,000 single-byte or 4,000 double-byte characters fit) and
 * {@code (max)} {@code longtext}. The same goes for binary data with {@link #MAX_VARBINARY} bytes.
 */
final class MariaDbTypes {
    /** The longest character column kept as varchar: 768 utf8mb4 characters are InnoDB's 3,072-byte key limit. */
    static final int MAX_VARCHAR = 768;
    /** The longest binary column kept as varbinary (InnoDB's key limit). */
    static final int MAX_VARBINARY = 3072;
    /** MariaDB's binary(n) holds at most 255 bytes. */
    static final int MAX_BINARY = 255;
    /** MariaDB keeps at most microseconds: datetime(p) and time(p) take p ≤ 6. */
    static final int MAX_FRACTION = 6;

    // int(11), bigint(20) unsigned... : MariaDB prints a display width that means nothing for storage.
    private static final Pattern INTEGER = Pattern.compile("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)");

    private MariaDbTypes() {
    }

    static String columnType(SqlType type) {
        return switch (type.base()) {
            case NVARCHAR, VARCHAR, NCHAR, CHAR -> type.isMax() ? "longtext" : characters(type.length());
            case NTEXT, TEXT -> "longtext";
            case DATETIME -> "datetime(3)";
            case SMALLDATETIME -> "datetime";
            case DATETIME2, DATETIMEOFFSET -> temporal("datetime", fraction(type));
            case DATE -> "date";
            case TIME -> temporal("time", fraction(type));
            case BIT -> "tinyint(1)";
            case UNIQUEIDENTIFIER -> "uuid";
            case FLOAT -> "double";
            case REAL -> "float";
            case DECIMAL, NUMERIC -> "decimal(" + type.precision() + "," + type.scale() + ")";
            case MONEY -> "decimal(19,4)";
            case SMALLMONEY -> "decimal(10,4)";
            case TINYINT -> "tinyint unsigned";
            case SMALLINT -> "smallint";
            case INT -> "int";
            case BIGINT -> "bigint";
            case BINARY -> type.isMax() ? "longblob" : type.length() <= MAX_BINARY ? "binary(" + type.length() + ")"
                    : bytes(type.length());
            case VARBINARY -> type.isMax() ? "longblob" : bytes(type.length());
            case IMAGE -> "longblob";
        };
    }

    private static String characters(int length) {
        return length <= MAX_VARCHAR ? "varchar(" + length + ")" : "text";
    }

    private static String bytes(int length) {
        return length <= MAX_VARBINARY ? "varbinary(" + length + ")" : "blob";
    }

    private static String temporal(String name, int digits) {
        return digits == 0 ? name : name + "(" + digits + ")";
    }

    /** Whether a column of this type can be part of a primary key (text and blob columns cannot, without a prefix). */
    static boolean indexable(SqlType type) {
        String t = columnType(type);
        return !t.endsWith("text") && !t.endsWith("blob");
    }

    /** The fractional-second digits the target keeps for a datetime2/time/datetimeoffset type. */
    static int fraction(SqlType type) {
        return Math.min(type.precision(), MAX_FRACTION);
    }

    /**
     * Normalizes {@code COLUMN_TYPE}: lower case, integer display widths dropped ({@code int(11)} → {@code int},
     * {@code tinyint(3) unsigned} → {@code tinyint unsigned}) except {@code tinyint(1)}, which is how a bit column is
     * declared and recognised.
     */
    static String normalize(String catalogType) {
        String t = catalogType.trim().toLowerCase(Locale.ROOT);
        Matcher m = INTEGER.matcher(t);
        if (!m.matches() || t.startsWith("tinyint(1)")) {
            return t;
        }
        return m.group(1) + m.group(2);
    }
}
