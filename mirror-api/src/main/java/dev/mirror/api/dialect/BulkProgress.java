package dev.mirror.api.dialect;

/**
 * Receives progress while a dialect bulk-loads a table, so long loads can show progress. Called on the
 * loading thread, at most every few thousand rows; must be cheap and must not throw.
 */
@FunctionalInterface
public interface BulkProgress {
    BulkProgress NONE = rows -> { };

    /** {@code rowsSoFar} rows have been handed to the target. */
    void rows(long rowsSoFar);
}
