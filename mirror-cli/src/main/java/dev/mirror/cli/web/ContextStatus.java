package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.admin.Detail;
import dev.mirror.api.admin.StatusDetails;
import dev.mirror.core.metadata.MetadataRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One context as read from its target: what {@code mirror status} shows. Secrets are already masked.
 *
 * @param context       the context identifier
 * @param target        the target URL, secrets masked (null when it could not be resolved)
 * @param metadataTable the metadata table's name (null when it could not be resolved)
 * @param rows          the metadata rows (empty when the table does not exist yet or could not be read)
 * @param counts        rows per mirrored table (tables missing from the target have none)
 * @param details       what the source adds through its diagnostics (per table and for the source; for example the
 *                      SQL Server Change Tracking retention headroom); {@link StatusDetails#NONE} when it adds nothing
 * @param detailsError  why the source's details could not be read (redacted), or null
 * @param error         why the target could not be read (redacted), or null
 */
public record ContextStatus(String context, String target, String metadataTable, List<MetadataRow> rows,
                            Map<String, Long> counts, StatusDetails details, String detailsError, String error) {
    public ContextStatus {
        requireNonNull(context, "context is null");
        rows = List.copyOf(rows);
        counts = Map.copyOf(counts);
        requireNonNull(details, "details is null");
    }

    /** The source's details of a table, its name matched ignoring case (empty when there are none). */
    public List<Detail> details(String table) {
        List<Detail> exact = details.tables().get(table);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<Detail>> e : details.tables().entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** The table detail of a key, or null. */
    public Detail detail(String table, String key) {
        return details(table).stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    /** The detail columns of the table rows: key to label, in the order they first appear over the rows. */
    public Map<String, String> detailColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        rows.stream().map(r -> r.table().toLowerCase(Locale.ROOT)).sorted()
                .forEach(t -> details(t).forEach(d -> columns.putIfAbsent(d.key(), d.label())));
        return columns;
    }

    /** A detail's value with its unit, as the console and the page show it. */
    public static String text(Detail d) {
        return d.unit() == null ? String.valueOf(d.value()) : d.value() + " " + d.unit();
    }
}
