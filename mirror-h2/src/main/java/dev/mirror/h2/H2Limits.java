package dev.mirror.h2;

/**
 * How much a write holds in memory before handing it to H2: a JDBC batch is executed after
 * {@code batchRows} rows or {@code batchBytes} bytes of values, and the staged apply ({@link H2StageSql}) merges its
 * staging table every {@code stageRows} changes or {@code stageBytes} bytes, whichever comes first.
 */
record H2Limits(int batchRows, long batchBytes, int stageRows, long stageBytes) {
    static final H2Limits DEFAULTS = new H2Limits(2_000, 2L << 20, 20_000, 4L << 20);

    H2Limits {
        if (batchRows < 1 || batchBytes < 1 || stageRows < 1 || stageBytes < 1) {
            throw new IllegalArgumentException("H2 batch and stage limits must be positive");
        }
    }
}
