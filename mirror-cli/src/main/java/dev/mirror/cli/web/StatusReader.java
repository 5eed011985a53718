package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.api.admin.Diagnostics;
import dev.mirror.api.admin.StatusDetails;
import dev.mirror.api.admin.StatusRequest;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what {@code mirror status} shows for one context through core's public API: the metadata rows, one COUNT per
 * mirrored table, and the details the source adds through its {@link Diagnostics} (read now, on the caller's thread).
 * Shared by {@code mirror status} and the status page, so both show the same data.
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
            return withDetails(context, target, metadata, rows);
        } catch (RuntimeException e) {
            return new ContextStatus(contextName, target, metadata, List.of(), Map.of(), StatusDetails.NONE, null,
                    mirror.redactor().describe(e));
        }
    }

    /** Like {@link #read} but a failure of the target is thrown (the command-line {@code mirror status} exits with it). */
    public ContextStatus readOrThrow(ContextId context) {
        return withDetails(context, mirror.targetUrl(context), mirror.metadataTableName(context), mirror.status(context));
    }

    private ContextStatus withDetails(ContextId context, String target, String metadata, List<MetadataRow> rows) {
        Map<String, Long> counts = mirror.rowCounts(context, rows);
        Optional<Diagnostics> diagnostics = mirror.source().diagnostics();
        if (diagnostics.isEmpty()) {
            return new ContextStatus(context.value(), target, metadata, rows, counts, StatusDetails.NONE, null, null);
        }
        Map<String, Long> lsns = new HashMap<>();
        rows.forEach(r -> lsns.put(r.table(), r.lsn()));
        try {
            // the source's details are extra: when they fail, the status still shows the target's view, and says why
            StatusDetails details = diagnostics.get().status(new StatusRequest(context, lsns));
            return new ContextStatus(context.value(), target, metadata, rows, counts,
                    details == null ? StatusDetails.NONE : details, null, null);
        } catch (RuntimeException e) {
            return new ContextStatus(context.value(), target, metadata, rows, counts, StatusDetails.NONE,
                    mirror.redactor().describe(e), null);
        }
    }
}
