package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

/**
 * One row change. For {@link Operation#INSERT} and {@link Operation#UPDATE} the row holds every
 * column's final value; for {@link Operation#DELETE} only the primary key positions need values (the
 * others may be null). Applying is idempotent: an insert of an existing key updates it, an update of a
 * missing key inserts it, a delete of a missing key does nothing.
 */
public record RowChange(Operation operation, Row row) {
    public RowChange {
        requireNonNull(operation, "operation is null");
        requireNonNull(row, "row is null");
    }

    public static RowChange insert(Object... values) {
        return new RowChange(Operation.INSERT, Row.of(values));
    }

    public static RowChange update(Object... values) {
        return new RowChange(Operation.UPDATE, Row.of(values));
    }

    public static RowChange delete(Object... values) {
        return new RowChange(Operation.DELETE, Row.of(values));
    }
}
