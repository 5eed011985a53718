package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.util.Optional;

/** HSQLDB's {@link DialectTypes}: the mapping of {@link HsqlTypes}, the defaults HSQLDB can express ({@link HsqlDefaults}). */
final class HsqlColumnTypes implements DialectTypes {
    @Override
    public String columnType(SqlType type) {
        return HsqlTypes.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return HsqlDefaults.clause(column);
    }
}
