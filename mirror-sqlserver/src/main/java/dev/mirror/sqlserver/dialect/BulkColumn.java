package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.SqlType;
import java.sql.Types;

/**
 * How one column is described to {@code SQLServerBulkCopy}: its JDBC type, precision and scale as the
 * driver sends them in the {@code INSERT BULK} column list; SQL Server converts to the destination type.
 *
 * <p>Temporal columns and {@code uniqueidentifier} are sent as {@code varchar} with ISO 8601 text. The
 * driver sends temporal values of an {@code ISQLServerBulkRecord} as strings anyway unless the connection
 * sets {@code sendTemporalDataTypesAsStringForBulkCopy=false} (see {@code SQLServerBulkCopy#writeTypeInfo});
 * declaring them as text ourselves gives the same result with either setting, and ISO 8601
 * ({@code yyyy-mm-ddThh:mm:ss[.fff]}) is the one format SQL Server reads the same under every language and
 * DATEFORMAT (https://learn.microsoft.com/sql/t-sql/data-types/datetime-transact-sql, "ISO 8601").
 *
 * @param name      the source column's name in the bulk data (informational; mappings are by ordinal)
 * @param type      the column's SQL Server type, or null for the stage's bookkeeping columns
 * @param jdbcType  a {@link java.sql.Types} constant
 * @param precision precision (length for character and binary, {@link Integer#MAX_VALUE} for max)
 * @param scale     scale
 */
record BulkColumn(String name, SqlType type, int jdbcType, int precision, int scale) {
    BulkColumn {
        requireNonNull(name, "name is null");
    }

    static BulkColumn of(String name, SqlType type) {
        int len = type.isMax() ? Integer.MAX_VALUE : type.length();
        return switch (type.base()) {
            case TINYINT -> new BulkColumn(name, type, Types.TINYINT, 3, 0);
            case SMALLINT -> new BulkColumn(name, type, Types.SMALLINT, 5, 0);
            case INT -> new BulkColumn(name, type, Types.INTEGER, 10, 0);
            case BIGINT -> new BulkColumn(name, type, Types.BIGINT, 19, 0);
            case BIT -> new BulkColumn(name, type, Types.BIT, 1, 0);
            case REAL -> new BulkColumn(name, type, Types.REAL, 7, 0);
            case FLOAT -> new BulkColumn(name, type, Types.DOUBLE, 15, 0);
            // money is sent as decimal: the driver writes it as money when the destination is money
            case SMALLMONEY -> new BulkColumn(name, type, Types.DECIMAL, 10, 4);
            case MONEY -> new BulkColumn(name, type, Types.DECIMAL, 19, 4);
            case DECIMAL -> new BulkColumn(name, type, Types.DECIMAL, type.precision(), type.scale());
            case NUMERIC -> new BulkColumn(name, type, Types.NUMERIC, type.precision(), type.scale());
            case CHAR, VARCHAR, TEXT -> new BulkColumn(name, type, Types.VARCHAR, len, 0);
            case NCHAR, NVARCHAR, NTEXT -> new BulkColumn(name, type, Types.NVARCHAR, len, 0);
            case SMALLDATETIME, DATETIME, DATETIME2, DATE, TIME, DATETIMEOFFSET ->
                    new BulkColumn(name, type, Types.VARCHAR, 40, 0);
            case UNIQUEIDENTIFIER -> new BulkColumn(name, type, Types.VARCHAR, 36, 0);
            case BINARY, VARBINARY, IMAGE -> new BulkColumn(name, type, Types.VARBINARY, len, 0);
        };
    }
}
