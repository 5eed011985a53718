package dev.mirror.mariadb;

import dev.mirror.api.dialect.TargetDialect;

/** The conformance kit again with the dialect's options: binary values in hex, utf8mb4_bin, small LOAD DATA chunks. */
class MariaDbDialectOptionsConformanceTest extends MariaDbDialectConformanceTest {
    @Override
    protected TargetDialect dialect() {
        return OPTIONS;
    }
}
