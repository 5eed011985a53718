package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.core.metadata.MetadataRow;
import java.util.List;
import java.util.Map;

/**
 * One context as read from its target: what {@code mirror status} shows. Secrets are already masked.
 *
 * @param context       the context identifier
 * @param target        the target URL, secrets masked (null when it could not be resolved)
 * @param metadataTable the metadata table's name (null when it could not be resolved)
 * @param rows          the metadata rows (empty when the table does not exist yet or could not be read)
 * @param counts        rows per mirrored table (tables missing from the target have none)
 * @param headroom      Change Tracking retention headroom per lower-case table name (SQL Server sources only)
 * @param error         why the target could not be read (redacted), or null
 */
public record ContextStatus(String context, String target, String metadataTable, List<MetadataRow> rows,
                            Map<String, Long> counts, Map<String, Long> headroom, String error) {
    public ContextStatus {
        requireNonNull(context, "context is null");
        rows = List.copyOf(rows);
        counts = Map.copyOf(counts);
        headroom = Map.copyOf(headroom);
    }
}
