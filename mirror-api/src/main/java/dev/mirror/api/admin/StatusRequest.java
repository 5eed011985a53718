package dev.mirror.api.admin;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import java.util.Map;

/**
 * What the caller of {@link Diagnostics#status} knows that the source may need: which context is shown and the LSN the
 * mirror stored for each table in its metadata table (so that, for example, a source can compare it with how far back
 * its change history reaches).
 *
 * @param context    the context whose status is shown; never null
 * @param storedLsns the mirror's stored LSN per table name as the metadata table has it (-1: waiting for
 *                   repopulation); never null, empty when nothing is mirrored yet or the target could not be read
 */
public record StatusRequest(ContextId context, Map<String, Long> storedLsns) {
    public StatusRequest {
        requireNonNull(context, "context is null");
        storedLsns = Map.copyOf(requireNonNull(storedLsns, "storedLsns is null"));
    }
}
