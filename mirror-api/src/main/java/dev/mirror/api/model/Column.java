package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

/**
 * One column of a {@link TableSchema}.
 *
 * @param name              the source column name, as the source spells it; never null or blank
 * @param type              the SQL Server type
 * @param nullable          whether NULL is allowed
 * @param defaultExpression the source's default as SQL Server prints it (for example {@code ((0))} or
 *                          {@code (N'')}), or null when the column has none
 */
public record Column(String name, SqlType type, boolean nullable, String defaultExpression) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
    }

    /** A column without default. */
    public static Column of(String name, SqlType type, boolean nullable) {
        return new Column(name, type, nullable, null);
    }

    public Column withType(SqlType newType) {
        return new Column(name, newType, nullable, defaultExpression);
    }
}
