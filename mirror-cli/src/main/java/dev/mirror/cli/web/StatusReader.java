package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.sqlserver.source.ChangeTrackingSource;
import dev.mirror.sqlserver.source.RetentionHeadroom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what {@code mirror status} shows for one context through core's public API: the metadata rows, one COUNT per
 * mirrored table, and (for SQL Server Change Tracking sources) the retention headroom. Shared by {@code mirror status}
 * and the status page, so both show the same data.
 */
public final class StatusReader {
    private final Mirror mirror;

    public StatusReader(Mirror mirror) {
        this.mirror = requireNonNull(mirror, "mirror is null");
    }

    /** Reads a context; a target that cannot be read gives a status with the (redacted) reason instead of throwing. */
    public ContextStatus read(String contextName) {
        String target = null;
        String metadata = null;
        try {
            ContextId context = ContextId.of(contextName); // a bad name from a URL becomes the status's error
            target = mirror.targetUrl(context);
            metadata = mirror.metadataTableName(context);
            List<MetadataRow> rows = mirror.status(context);
            return new ContextStatus(contextName, target, metadata, rows, mirror.rowCounts(context, rows), headroom(), null);
        } catch (RuntimeException e) {
            return new ContextStatus(contextName, target, metadata, List.of(), Map.of(), Map.of(), mirror.redactor().describe(e));
        }
    }

    /** Like {@link #read} but a failure is thrown (the command-line {@code mirror status} exits with it). */
    public ContextStatus readOrThrow(ContextId context) {
        List<MetadataRow> rows = mirror.status(context);
        return new ContextStatus(context.value(), mirror.targetUrl(context), mirror.metadataTableName(context), rows,
                mirror.rowCounts(context, rows), headroom(), null);
    }

    private Map<String, Long> headroom() {
        Map<String, Long> headroom = new HashMap<>();
        if (mirror.source() instanceof ChangeTrackingSource ct) {
            for (RetentionHeadroom h : ct.retentionHeadroom()) {
                headroom.put(h.table().toLowerCase(Locale.ROOT), h.headroom());
            }
        }
        return headroom;
    }
}
