package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.dialect.support.StandardDefaults;
import java.util.Optional;

/**
 * HSQLDB's {@link DialectTypes}: the mapping of {@link HsqlTypes}; defaults rendered by {@link StandardDefaults} with
 * HSQLDB's functions ({@code LOCALTIMESTAMP} is the session's local time, what getdate() gives on SQL Server).
 */
final class HsqlColumnTypes implements DialectTypes {
    private static final StandardDefaults DEFAULTS =
            new StandardDefaults("LOCALTIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE", "UUID()");

    @Override
    public String columnType(SqlType type) {
        return HsqlTypes.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return DEFAULTS.clause(column);
    }
}
