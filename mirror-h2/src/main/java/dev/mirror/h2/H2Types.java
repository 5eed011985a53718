package dev.mirror.h2;

import dev.mirror.api.model.SqlType;
import java.sql.Types;
import java.util.Locale;

/**
 * SQL Server → H2 type mapping (the table in mirror-h2/README.md) and the normalization of H2's
 * INFORMATION_SCHEMA.COLUMNS into the same spelling, so that {@code columnType} and {@code describeTable}
 * can be compared. Type names follow H2 2.x (https://h2database.com/html/datatypes.html).
 */
final class H2Types {
    static final String CLOB = "CHARACTER LARGE OBJECT";
    static final String BLOB = "BINARY LARGE OBJECT";

    private H2Types() {
    }

    /** The H2 column type of a SQL Server type, keeping length, precision and scale. */
    static String columnType(SqlType t) {
        return switch (t.base()) {
            // H2's TINYINT is signed (-128..127); SQL Server's tinyint is 0..255.
            case TINYINT, SMALLINT -> "SMALLINT";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BIT -> "BOOLEAN";
            case REAL -> "REAL";
            case FLOAT -> "DOUBLE PRECISION";
            case SMALLMONEY -> "NUMERIC(10,4)";
            case MONEY -> "NUMERIC(19,4)";
            case DECIMAL, NUMERIC -> "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            // H2 counts characters in UTF-16 units, as SQL Server counts nchar/nvarchar lengths.
            case CHAR, NCHAR -> t.isMax() ? CLOB : "CHARACTER(" + t.length() + ")";
            case VARCHAR, NVARCHAR -> t.isMax() ? CLOB : "CHARACTER VARYING(" + t.length() + ")";
            case TEXT, NTEXT -> CLOB;
            case SMALLDATETIME -> "TIMESTAMP(0)";
            // datetime has 1/300 s resolution, always printed with 3 digits (.000, .003, .007).
            case DATETIME -> "TIMESTAMP(3)";
            case DATETIME2 -> "TIMESTAMP(" + t.precision() + ")";
            case DATE -> "DATE";
            case TIME -> "TIME(" + t.precision() + ")";
            case DATETIMEOFFSET -> "TIMESTAMP(" + t.precision() + ") WITH TIME ZONE";
            case UNIQUEIDENTIFIER -> "UUID";
            // binary(n) stays fixed-length: H2 pads with zero bytes exactly as SQL Server does.
            case BINARY -> t.isMax() ? BLOB : "BINARY(" + t.length() + ")";
            case VARBINARY -> t.isMax() ? BLOB : "BINARY VARYING(" + t.length() + ")";
            case IMAGE -> BLOB;
        };
    }

    /** The java.sql.Types code used to bind a NULL of this type. */
    static int jdbcType(SqlType t) {
        return switch (t.base()) {
            case TINYINT, SMALLINT -> Types.SMALLINT;
            case INT -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case BIT -> Types.BOOLEAN;
            case REAL -> Types.REAL;
            case FLOAT -> Types.DOUBLE;
            case SMALLMONEY, MONEY, DECIMAL, NUMERIC -> Types.NUMERIC;
            case CHAR, NCHAR -> t.isMax() ? Types.CLOB : Types.CHAR;
            case VARCHAR, NVARCHAR -> t.isMax() ? Types.CLOB : Types.VARCHAR;
            case TEXT, NTEXT -> Types.CLOB;
            case SMALLDATETIME, DATETIME, DATETIME2 -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case DATETIMEOFFSET -> Types.TIMESTAMP_WITH_TIMEZONE;
            case UNIQUEIDENTIFIER -> Types.OTHER;
            case BINARY -> t.isMax() ? Types.BLOB : Types.BINARY;
            case VARBINARY -> t.isMax() ? Types.BLOB : Types.VARBINARY;
            case IMAGE -> Types.BLOB;
        };
    }

    /**
     * One INFORMATION_SCHEMA.COLUMNS row in {@link #columnType} spelling. H2 reports the parameters in
     * separate columns; LOB lengths (Long.MAX_VALUE) are left out because columnType leaves them out.
     */
    static String normalize(String dataType, Long charLength, Integer numericPrecision, Integer numericScale,
            Integer datetimePrecision) {
        String type = dataType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "CHARACTER", "CHARACTER VARYING", "BINARY", "BINARY VARYING" ->
                    charLength == null ? type : type + "(" + charLength + ")";
            case "NUMERIC", "DECIMAL" -> "NUMERIC(" + numericPrecision + "," + (numericScale == null ? 0 : numericScale) + ")";
            case "TIMESTAMP", "TIME" -> datetimePrecision == null ? type : type + "(" + datetimePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE" -> datetimePrecision == null ? type
                    : type.substring(0, type.indexOf(' ')) + "(" + datetimePrecision + ") WITH TIME ZONE";
            default -> type;
        };
    }
}
