package dev.mirror.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one table: its mode, the columns left out of the mirror and the columns stored hashed. Column names
 * compare case-insensitively, like table names.
 *
 * @param mode    how the table is mirrored
 * @param exclude source columns left out of the mirror (never a key column)
 * @param hash    source columns stored as the hex SHA-256 of the salt and the value
 */
public record TableOptions(TableMode mode, Set<String> exclude, Set<String> hash) {
    /** Today's behaviour: every column, latest state. */
    public static final TableOptions DEFAULT = new TableOptions(TableMode.MIRROR, Set.of(), Set.of());

    public TableOptions {
        requireNonNull(mode, "mode is null");
        exclude = caseInsensitive(requireNonNull(exclude, "exclude is null"));
        hash = caseInsensitive(requireNonNull(hash, "hash is null"));
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        TreeSet<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(names);
        return java.util.Collections.unmodifiableSet(s);
    }
}
