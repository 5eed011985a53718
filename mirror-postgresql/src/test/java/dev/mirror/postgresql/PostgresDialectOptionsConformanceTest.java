package dev.mirror.postgresql;

import dev.mirror.api.dialect.TargetDialect;

/** The conformance kit again with the dialect's apply options on: one MERGE per batch, fillfactor 80, temp_buffers. */
class PostgresDialectOptionsConformanceTest extends PostgresDialectConformanceTest {
    @Override
    protected TargetDialect dialect() {
        return OPTIONS;
    }
}
