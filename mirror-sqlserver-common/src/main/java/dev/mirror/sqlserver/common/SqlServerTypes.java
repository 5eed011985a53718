package dev.mirror.sqlserver.common;

import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.util.Locale;
import java.util.Optional;

/**
 * Type names as the SQL Server dialect writes them in DDL, and the reverse: a catalog row of
 * {@code sys.columns} / {@code sys.types} turned back into a {@link SqlType}.
 *
 * <p>{@code text}, {@code ntext} and {@code image} are deprecated
 * (https://learn.microsoft.com/sql/t-sql/data-types/ntext-text-and-image-transact-sql: "will be removed in a
 * future version ... use nvarchar(max), varchar(max), and varbinary(max) instead"), so the mirror creates
 * them as {@code varchar(max)}, {@code nvarchar(max)} and {@code varbinary(max)}: the same values, a type
 * that functions such as {@code LEN} and {@code =} work on.
 */
public final class SqlServerTypes {
    private SqlServerTypes() {
    }

    /** The DDL type of a column, normalized: the same text {@link #fromCatalog} + this method give back. */
    public static String ddlType(SqlType type) {
        return switch (type.base()) {
            case TEXT -> "varchar(max)";
            case NTEXT -> "nvarchar(max)";
            case IMAGE -> "varbinary(max)";
            default -> type.toString();
        };
    }

    /**
     * The type of a catalog column. {@code typeName} is the <em>system</em> type name (join
     * {@code sys.types} on {@code user_type_id = c.system_type_id} so alias types and {@code sysname} resolve
     * to their base type); {@code maxLength} is {@code sys.columns.max_length} in bytes, -1 for max.
     *
     * @return empty for a type the mirror does not support (xml, sql_variant, geography, rowversion, ...)
     */
    public static Optional<SqlType> fromCatalog(String typeName, int maxLength, int precision, int scale) {
        if (typeName == null) {
            return Optional.empty();
        }
        String n = typeName.toLowerCase(Locale.ROOT);
        if (n.equals("sysname")) {
            return Optional.of(SqlType.ofLength(SqlServerType.NVARCHAR, 128));
        }
        Optional<SqlServerType> base = SqlServerType.fromSqlName(n);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        SqlServerType t = base.get();
        return Optional.of(switch (t.params()) {
            case NONE -> SqlType.of(t);
            // max_length is in bytes: nchar and nvarchar take two bytes per character
            case LENGTH -> SqlType.ofLength(t, maxLength == -1 ? SqlType.MAX : t.isUnicode() ? maxLength / 2 : maxLength);
            case PRECISION_SCALE -> SqlType.decimal(t, precision, scale);
            // for datetime2, time and datetimeoffset sys.columns.scale holds the fractional-second digits
            case FRACTIONAL_SECONDS -> SqlType.fractional(t, scale);
        });
    }

    /** The normalized type text of a catalog column, or the raw type name when the mirror does not know it. */
    public static String normalized(String typeName, int maxLength, int precision, int scale) {
        return fromCatalog(typeName, maxLength, precision, scale).map(SqlServerTypes::ddlType)
                .orElse(typeName == null ? "unknown" : typeName.toLowerCase(Locale.ROOT));
    }
}
