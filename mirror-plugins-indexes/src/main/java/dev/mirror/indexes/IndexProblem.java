package dev.mirror.indexes;

import static java.util.Objects.requireNonNull;

/**
 * A declared index that could not be built (or checked) this cycle; it is retried next cycle.
 *
 * @param contextId the context whose target refused it
 * @param table     the source table name
 * @param index     the declared index name ({@code *} when the table's indexes could not even be listed)
 * @param reason    what went wrong and, where known, what to do
 */
public record IndexProblem(dev.mirror.api.ContextId contextId, String table, String index, String reason) {
    public IndexProblem {
        requireNonNull(contextId, "contextId is null");
        requireNonNull(table, "table is null");
        requireNonNull(index, "index is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return contextId + ": index " + index + " on " + table + ": " + reason;
    }
}
