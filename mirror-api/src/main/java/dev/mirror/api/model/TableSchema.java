package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A table's simplified schema: its name, ordered columns and primary key. Foreign keys, indexes,
 * collations, triggers, check constraints and the source schema prefix are never part of it.
 *
 * @param name       the source table name without schema prefix; never null or blank
 * @param columns    the columns in source order; at least one; names unique case-insensitively
 * @param primaryKey the primary key column names in key order; at least one, each a column
 */
public record TableSchema(String name, List<Column> columns, List<String> primaryKey) {
    public TableSchema {
        requireNonNull(name, "name is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(primaryKey, "primaryKey is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("table name is blank");
        }
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table '" + name + "' has column '" + c.name() + "' twice");
            }
        }
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' has no primary key; mirror needs one to apply changes");
        }
        for (String k : primaryKey) {
            if (!seen.contains(k.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table '" + name + "' primary key column '" + k + "' is not a column");
            }
        }
    }

    /** The column with this name (case-insensitive). */
    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The position of a column (case-insensitive), or -1. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** Positions of the primary key columns in {@link #columns()}, in key order. */
    public int[] keyIndexes() {
        int[] r = new int[primaryKey.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = indexOf(primaryKey.get(i));
        }
        return r;
    }

    /** Whether the column at this position is part of the primary key. */
    public boolean isKey(int columnIndex) {
        String n = columns.get(columnIndex).name();
        for (String k : primaryKey) {
            if (k.equalsIgnoreCase(n)) {
                return true;
            }
        }
        return false;
    }

    /** The column names in order. */
    public List<String> columnNames() {
        List<String> r = new ArrayList<>(columns.size());
        for (Column c : columns) {
            r.add(c.name());
        }
        return r;
    }

    public int columnCount() {
        return columns.size();
    }
}
