package dev.mirror.api.dialect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An index a user wants on a mirror table (indexes are not mirrored; the indexes plugin keeps these).
 *
 * @param name     the index name
 * @param columns  key columns in order, each with its sort direction
 * @param unique   whether the index is unique
 * @param include  included (non-key) columns; needs {@link Capability#INDEX_INCLUDE}
 * @param filter   a filter predicate in the target's SQL, or null; needs {@link Capability#INDEX_FILTER}
 */
public record IndexDefinition(String name, List<IndexColumn> columns, boolean unique, List<String> include, String filter) {
    public IndexDefinition {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        include = List.copyOf(include);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index '" + name + "' has no columns");
        }
    }

    /** One key column of an index. */
    public record IndexColumn(String name, boolean descending) {
        public IndexColumn {
            requireNonNull(name, "name is null");
        }
    }
}
