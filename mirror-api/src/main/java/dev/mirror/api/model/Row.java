package dev.mirror.api.model;

import java.util.Arrays;

/**
 * The values of one row, positional against a {@link TableSchema}'s columns. Values have the Java
 * classes that {@link SqlServerType#javaType()} names; NULL is {@code null}. Immutable: the array given
 * to {@link #of(Object...)} is copied; {@code byte[]} values must not be modified after they are handed in.
 */
public final class Row {
    private final Object[] values;

    private Row(Object[] values) {
        this.values = values;
    }

    /** A row with these values (copied). */
    public static Row of(Object... values) {
        return new Row(values.clone());
    }

    /** The value at a column position; null for NULL. */
    public Object get(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    /** A copy of the values. */
    public Object[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
