package dev.mirror.api.admin;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Diagnostics#status} returns: details per table and for the source as a whole. The status shows a
 * table's details in its row (one column per detail key, console and page; a {@code details} object in the JSON) and
 * the source's details above the tables.
 *
 * @param tables per source table name (matched to the metadata table's names ignoring case), the table's details;
 *               never null, no key null
 * @param source the details about the source as a whole; never null
 */
public record StatusDetails(Map<String, List<Detail>> tables, List<Detail> source) {
    /** No details at all. */
    public static final StatusDetails NONE = new StatusDetails(Map.of(), List.of());

    public StatusDetails {
        requireNonNull(tables, "tables is null");
        requireNonNull(source, "source is null");
        Set<String> seen = new HashSet<>();
        for (String table : tables.keySet()) {
            if (!seen.add(table.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table '" + table + "' is listed twice (names are matched ignoring case)");
            }
        }
        source = List.copyOf(source);
        uniqueKeys(source, "the source");
        Map<String, List<Detail>> copy = new HashMap<>();
        tables.forEach((t, d) -> {
            uniqueKeys(d, "table '" + t + "'");
            copy.put(t, List.copyOf(d));
        });
        tables = Map.copyOf(copy);
    }

    private static void uniqueKeys(List<Detail> details, String owner) {
        Set<String> keys = new HashSet<>();
        for (Detail d : details) {
            if (!keys.add(requireNonNull(d, "a detail of " + owner + " is null").key())) {
                throw new IllegalArgumentException("detail '" + d.key() + "' appears twice for " + owner);
            }
        }
    }
}
