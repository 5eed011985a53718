package dev.mirror.sqlserver.source;

import dev.mirror.api.model.SqlType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads a column into the Java class {@link dev.mirror.api.model.SqlServerType#javaType()} names. */
final class ValueReader {
    private ValueReader() {
    }

    static Object read(ResultSet rs, int index, SqlType type) throws SQLException {
        Object v = switch (type.base()) {
            case TINYINT, SMALLINT -> rs.getShort(index);
            case INT -> rs.getInt(index);
            case BIGINT -> rs.getLong(index);
            case BIT -> rs.getBoolean(index);
            case REAL -> rs.getFloat(index);
            case FLOAT -> rs.getDouble(index);
            case SMALLMONEY, MONEY, DECIMAL, NUMERIC -> rs.getBigDecimal(index);
            case CHAR, VARCHAR, TEXT, NCHAR, NVARCHAR, NTEXT -> rs.getString(index);
            case SMALLDATETIME, DATETIME, DATETIME2 -> rs.getObject(index, LocalDateTime.class);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case DATETIMEOFFSET -> rs.getObject(index, OffsetDateTime.class);
            case UNIQUEIDENTIFIER -> rs.getObject(index, UUID.class);
            case BINARY, VARBINARY, IMAGE -> rs.getBytes(index);
        };
        return rs.wasNull() ? null : v;
    }
}
