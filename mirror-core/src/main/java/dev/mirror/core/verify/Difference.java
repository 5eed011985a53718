package dev.mirror.core.verify;

import static java.util.Objects.requireNonNull;

/**
 * One row that differs between source and mirror.
 *
 * @param kind what differs
 * @param key  the row's key as text ({@code contact_id=42})
 */
public record Difference(Kind kind, String key) {
    /** How a row differs. */
    public enum Kind {
        /** In the source, not in the mirror. */
        MISSING_IN_MIRROR,
        /** In the mirror, not in the source. */
        EXTRA_IN_MIRROR,
        /** In both, with different values. */
        CHANGED
    }

    public Difference {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
    }
}
