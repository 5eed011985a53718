package dev.mirror.core.internal.schema;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TypeFamily;

/**
 * Decides whether a column change can be done in place because every old value fits the new type
 * (SPEC "Schema changes": longer nvarchar, int→bigint, smallint→int, more precision, made nullable).
 * Anything else is a drop, recreate and repopulate.
 */
public final class Widening {
    private Widening() {
    }

    /** Whether {@code to} holds every value of {@code from}, including NULL handling. */
    public static boolean isWidening(Column from, Column to) {
        return (to.nullable() || !from.nullable()) && isWidening(from.type(), to.type());
    }

    /** Whether the type {@code to} holds every value of {@code from} (equal types count as widening). */
    public static boolean isWidening(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return true;
        }
        TypeFamily family = from.base().family();
        if (family != to.base().family()) {
            return false;
        }
        SqlServerType a = from.base();
        SqlServerType b = to.base();
        return switch (family) {
            case INTEGER, APPROXIMATE_NUMERIC -> b.rank() > a.rank();
            case EXACT_NUMERIC -> exact(from, to);
            case CHARACTER -> character(from, to);
            case BINARY -> binary(from, to);
            case DATETIME -> datetime(from, to);
            case TIME, DATETIMEOFFSET -> to.precision() >= from.precision();
            case DATE, BOOLEAN, UUID -> false;
        };
    }

    private static boolean exact(SqlType from, SqlType to) {
        int fromScale = scale(from);
        int fromInt = precision(from) - fromScale;
        int toScale = scale(to);
        int toInt = precision(to) - toScale;
        return toScale >= fromScale && toInt >= fromInt;
    }

    private static int precision(SqlType t) {
        return switch (t.base()) {
            case SMALLMONEY -> 10;
            case MONEY -> 19;
            default -> t.precision();
        };
    }

    private static int scale(SqlType t) {
        return switch (t.base()) {
            case SMALLMONEY, MONEY -> 4;
            default -> t.scale();
        };
    }

    private static boolean character(SqlType from, SqlType to) {
        boolean fromFixed = from.base() == SqlServerType.CHAR || from.base() == SqlServerType.NCHAR;
        boolean toFixed = to.base() == SqlServerType.CHAR || to.base() == SqlServerType.NCHAR;
        if (fromFixed != toFixed) {
            return false; // padding semantics differ
        }
        if (from.base().isUnicode() && !to.base().isUnicode()) {
            return false; // would lose characters outside the code page
        }
        return longer(from, to);
    }

    private static boolean binary(SqlType from, SqlType to) {
        boolean fromFixed = from.base() == SqlServerType.BINARY;
        boolean toFixed = to.base() == SqlServerType.BINARY;
        return fromFixed == toFixed && longer(from, to);
    }

    private static boolean longer(SqlType from, SqlType to) {
        if (to.isMax()) {
            return true;
        }
        return !from.isMax() && to.length() >= from.length();
    }

    private static boolean datetime(SqlType from, SqlType to) {
        SqlServerType b = to.base();
        return switch (from.base()) {
            case SMALLDATETIME -> b == SqlServerType.DATETIME || b == SqlServerType.DATETIME2;
            case DATETIME -> b == SqlServerType.DATETIME2 && to.precision() >= 3;
            case DATETIME2 -> b == SqlServerType.DATETIME2 && to.precision() >= from.precision();
            default -> false;
        };
    }
}
