package dev.mirror.api.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one apply or repopulate step. A failure does not throw: the table's transaction was
 * rolled back, its stored LSN is unchanged, the failure is in the cycle report, and the source should
 * move on to the next table (it will be retried next cycle).
 *
 * @param table  the source table name
 * @param counts what was applied (zero when failed)
 * @param error  the failure message, or null when the batch committed
 */
public record ApplyResult(String table, TableCounts counts, String error) {
    public ApplyResult {
        requireNonNull(table, "table is null");
        requireNonNull(counts, "counts is null");
    }

    public boolean succeeded() {
        return error == null;
    }
}
