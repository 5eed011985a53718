package com.example.mirror.hsqldb;

import dev.mirror.api.model.SqlType;
import java.sql.Types;
import java.util.Locale;

/**
 * SQL Server to HSQLDB type mapping (the table in mirror-example-dialect/README.md), spelled as HSQLDB's
 * INFORMATION_SCHEMA.COLUMNS reports it, so that {@link #columnType} and the catalog ({@link #normalize}) compare equal.
 * Type names follow HSQLDB 2.7 (https://hsqldb.org/doc/2.0/guide/sqlgeneral-chapt.html#sgc_types_ops).
 */
final class HsqlTypes {
    static final String CLOB = "CHARACTER LARGE OBJECT";
    static final String BLOB = "BINARY LARGE OBJECT";

    private HsqlTypes() {
    }

    /** The HSQLDB column type of a SQL Server type, keeping length, precision and scale. */
    static String columnType(SqlType t) {
        return switch (t.base()) {
            // HSQLDB's TINYINT is signed (-128..127); SQL Server's tinyint is 0..255.
            case TINYINT, SMALLINT -> "SMALLINT";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BIT -> "BOOLEAN";
            // HSQLDB has one binary floating point type: REAL and FLOAT are both DOUBLE PRECISION (64 bits).
            case REAL, FLOAT -> "DOUBLE PRECISION";
            case SMALLMONEY -> "NUMERIC(10,4)";
            case MONEY -> "NUMERIC(19,4)";
            case DECIMAL, NUMERIC -> "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            case CHAR, NCHAR -> t.isMax() ? CLOB : "CHARACTER(" + t.length() + ")";
            case VARCHAR, NVARCHAR -> t.isMax() ? CLOB : "CHARACTER VARYING(" + t.length() + ")";
            case TEXT, NTEXT -> CLOB;
            case SMALLDATETIME -> "TIMESTAMP(0)";
            case DATETIME -> "TIMESTAMP(3)";
            case DATETIME2 -> "TIMESTAMP(" + t.precision() + ")";
            case DATE -> "DATE";
            case TIME -> "TIME(" + t.precision() + ")";
            case DATETIMEOFFSET -> "TIMESTAMP(" + t.precision() + ") WITH TIME ZONE";
            case UNIQUEIDENTIFIER -> "UUID";
            // BINARY(n) pads with zero bytes, as SQL Server's binary(n) does.
            case BINARY -> t.isMax() ? BLOB : "BINARY(" + t.length() + ")";
            case VARBINARY -> t.isMax() ? BLOB : "VARBINARY(" + t.length() + ")";
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
            case REAL, FLOAT -> Types.DOUBLE;
            case SMALLMONEY, MONEY, DECIMAL, NUMERIC -> Types.NUMERIC;
            case CHAR, NCHAR -> t.isMax() ? Types.CLOB : Types.CHAR;
            case VARCHAR, NVARCHAR -> t.isMax() ? Types.CLOB : Types.VARCHAR;
            case TEXT, NTEXT -> Types.CLOB;
            case SMALLDATETIME, DATETIME, DATETIME2 -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case DATETIMEOFFSET -> Types.TIMESTAMP_WITH_TIMEZONE;
            case UNIQUEIDENTIFIER -> Types.BINARY;
            case BINARY -> t.isMax() ? Types.BLOB : Types.BINARY;
            case VARBINARY -> t.isMax() ? Types.BLOB : Types.VARBINARY;
            case IMAGE -> Types.BLOB;
        };
    }

    /**
     * One INFORMATION_SCHEMA.COLUMNS row in {@link #columnType} spelling. HSQLDB reports the parameters in separate
     * columns; LOB lengths and the implied precision of integers and DOUBLE are left out, as columnType leaves them out.
     */
    static String normalize(String dataType, Long charLength, Integer numericPrecision, Integer numericScale,
                            Integer datetimePrecision) {
        String type = dataType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "CHARACTER", "CHARACTER VARYING", "BINARY", "VARBINARY" -> type + "(" + charLength + ")";
            case "NUMERIC", "DECIMAL" -> "NUMERIC(" + numericPrecision + "," + (numericScale == null ? 0 : numericScale) + ")";
            case "TIMESTAMP", "TIME" -> type + "(" + datetimePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP(" + datetimePrecision + ") WITH TIME ZONE";
            default -> type;
        };
    }
}
