package dev.mirror.postgresql;

import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.util.Optional;

/** PostgreSQL's {@link DialectTypes}: the mapping of {@link PostgresTypes}, defaults through {@link PostgresDefaults}. */
final class PostgresColumnTypes implements DialectTypes {
    @Override
    public String columnType(SqlType type) {
        return PostgresTypes.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return PostgresDefaults.translate(column).map(d -> "DEFAULT " + d);
    }
}
