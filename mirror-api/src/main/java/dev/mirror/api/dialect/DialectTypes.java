package dev.mirror.api.dialect;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.util.Optional;

/**
 * A target's type rules. Obtained through {@link TargetDialect#types()}; called by core when it plans and writes DDL and
 * compares a mirror table with its source, from several threads at once (stateless or thread-safe).
 */
public interface DialectTypes {
    /**
     * The target column type for a SQL Server type, normalized exactly as {@link DialectCatalog#describeTable} reports it
     * (core compares the two strings to decide whether a column must change).
     *
     * @param type never null
     */
    String columnType(SqlType type);

    /**
     * The default clause for a column ({@code DEFAULT 0}), or empty when the source default cannot be expressed in the
     * target (it is then left out; the mirror receives every value, so it never needs it). The default: no defaults.
     *
     * @param column never null; its default may be null (no default)
     */
    default Optional<String> defaultClause(Column column) {
        return Optional.empty();
    }
}
