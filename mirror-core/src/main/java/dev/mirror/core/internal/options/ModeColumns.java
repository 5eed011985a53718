package dev.mirror.core.internal.options;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.util.List;

/**
 * The columns core adds to a table in the soft delete and history modes. They are declared as SQL Server types like
 * every mirror column, so each dialect maps them (bit → boolean, datetime2(6) → timestamp(6)). Times are UTC with
 * microseconds: the finest precision every target keeps exactly, so a time core writes compares equal when read back.
 */
public final class ModeColumns {
    public static final String DELETED = "_mirror_deleted";
    public static final String SYNCED = "_mirror_synced";
    public static final String VALID_FROM = "_mirror_valid_from";
    public static final String VALID_TO = "_mirror_valid_to";
    public static final String ACTIVE = "_mirror_active";
    public static final String ROW_HASH = "_mirror_row_hash";

    static final SqlType FLAG = SqlType.of(SqlServerType.BIT);
    static final SqlType TIME = SqlType.fractional(SqlServerType.DATETIME2, 6);
    static final SqlType HASH = SqlType.ofLength(SqlServerType.VARCHAR, 64);
    /** Hashed columns hold 64 hex digits whatever the source type. */
    static final SqlType HASHED_VALUE = SqlType.ofLength(SqlServerType.NVARCHAR, 64);

    static final List<Column> SOFT_DELETE = List.of(Column.of(DELETED, FLAG, false), Column.of(SYNCED, TIME, false));
    static final List<Column> HISTORY = List.of(Column.of(ROW_HASH, HASH, false), Column.of(VALID_FROM, TIME, false),
            Column.of(VALID_TO, TIME, true), Column.of(ACTIVE, FLAG, false));

    private ModeColumns() {
    }

    /** Whether a source column name is one core reserves (case-insensitive): such a table cannot use a mode that adds it. */
    static boolean reserved(String name, List<Column> extras) {
        return extras.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }
}
