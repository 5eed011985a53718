package dev.mirror.mariadb;

import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.util.Optional;

/**
 * The {@code types()} concern: column types from {@link MariaDbTypes}, default clauses from {@link MariaDbDefaults}.
 * Called by core (and {@link MariaDbDdl}) from any thread; stateless.
 */
final class MariaDbColumnTypes implements DialectTypes {
    @Override
    public String columnType(SqlType type) {
        return MariaDbTypes.columnType(type);
    }

    /** {@code DEFAULT <expression>}, or empty when the column has no default MariaDB can express. */
    @Override
    public Optional<String> defaultClause(Column column) {
        return MariaDbDefaults.render(column).map(d -> "DEFAULT " + d);
    }
}
