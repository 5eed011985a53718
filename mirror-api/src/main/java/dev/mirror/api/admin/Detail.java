package dev.mirror.api.admin;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One named value in a status, for example a table's Change Tracking retention headroom in versions.
 *
 * @param key         stable camelCase identifier, the field name in {@code status.json} (for example
 *                    {@code retentionHeadroom}); matches {@link #KEY}; never null
 * @param label       short column header for the console and the page (for example {@code headroom}); never null
 * @param value       a {@link Long}, {@link Double}, {@link Boolean} or {@link String}; never null
 * @param unit        the unit of a number (for example {@code versions}, {@code ms}), or null when it has none
 * @param description one sentence saying what the value means and what to do about a bad one; never null
 */
public record Detail(String key, String label, Object value, String unit, String description) {
    /** What {@link #key()} must look like. */
    public static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Detail {
        requireNonNull(key, "key is null");
        requireNonNull(label, "label is null");
        requireNonNull(value, "value of detail '" + key + "' is null");
        requireNonNull(description, "description is null");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("detail key '" + key + "' must be camelCase letters and digits ([a-z][A-Za-z0-9]*)");
        }
        if (!(value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String)) {
            throw new IllegalArgumentException("detail '" + key + "' has a " + value.getClass().getName()
                    + " value; use a Long, Double, Boolean or String");
        }
    }

    /** A whole number with a unit (null for none). */
    public static Detail number(String key, String label, long value, String unit, String description) {
        return new Detail(key, label, value, unit, description);
    }

    /** A text value. */
    public static Detail text(String key, String label, String value, String description) {
        return new Detail(key, label, value, null, description);
    }
}
