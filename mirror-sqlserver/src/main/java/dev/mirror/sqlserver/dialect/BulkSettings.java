package dev.mirror.sqlserver.dialect;

import dev.mirror.api.config.PluginConfig;

/**
 * Bulk copy tuning, from the dialect's configuration keys {@code bulkBatchSize} and
 * {@code bulkTimeoutSeconds}.
 *
 * <p>Chosen defaults (no server was available to measure against when they were set; the benchmark in
 * BENCHMARKS.md is how to tune them):
 * <ul>
 *   <li>{@code bulkBatchSize = 10000}. Every load runs inside core's transaction, so a batch never commits on
 *   its own; its size only decides how many rows each {@code INSERT BULK} round carries. Microsoft's
 *   guidance (https://learn.microsoft.com/sql/relational-databases/import-export/manage-batch-size-for-bulk-import)
 *   is that one huge batch can need large server memory for sorting into a clustered index, while very
 *   small batches add per-batch overhead; ten thousand rows sits between, and it is what the SqlBulkCopy
 *   samples and most ETL tools use.</li>
 *   <li>{@code bulkTimeoutSeconds = 3600}. The driver's timeout covers the whole {@code writeToServer} call
 *   (all batches; see {@code SQLServerBulkCopy.doExecute}), not one batch, and its default of 60 s would
 *   fail any full load of a large table. An hour lets a multi-million-row table stream from a slow source
 *   while still ending a load that hangs; 0 means no limit.</li>
 * </ul>
 *
 * @param batchSize      rows per bulk copy batch, 0 for one batch
 * @param timeoutSeconds seconds for a whole bulk copy, 0 for no limit
 */
public record BulkSettings(int batchSize, int timeoutSeconds) {
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    public static final BulkSettings DEFAULTS = new BulkSettings(DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT_SECONDS);

    public BulkSettings {
        if (batchSize < 0) {
            throw new IllegalArgumentException("bulkBatchSize must be 0 (one batch) or more, got " + batchSize);
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("bulkTimeoutSeconds must be 0 (no limit) or more, got " + timeoutSeconds);
        }
    }

    /** Reads the keys, recording a problem (and using the default) for a negative value. */
    public static BulkSettings from(PluginConfig config) {
        int batch = config.integer("bulkBatchSize", DEFAULT_BATCH_SIZE);
        int timeout = config.integer("bulkTimeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        if (batch < 0) {
            config.problem("bulkBatchSize", "must be 0 (one batch) or a positive number of rows, got " + batch);
            batch = DEFAULT_BATCH_SIZE;
        }
        if (timeout < 0) {
            config.problem("bulkTimeoutSeconds", "must be 0 (no limit) or a positive number of seconds, got " + timeout);
            timeout = DEFAULT_TIMEOUT_SECONDS;
        }
        return new BulkSettings(batch, timeout);
    }
}
