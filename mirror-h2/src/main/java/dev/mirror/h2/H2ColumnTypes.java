package dev.mirror.h2;

import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.util.Optional;

/** H2's {@link DialectTypes}: the mapping of {@link H2Types}, the defaults H2 can express ({@link H2Defaults}). */
final class H2ColumnTypes implements DialectTypes {
    @Override
    public String columnType(SqlType type) {
        return H2Types.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return H2Defaults.clause(column);
    }
}
