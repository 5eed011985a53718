package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractDialectProtocolTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect kit's protocol part: core's real protocol (full load, batches, a redelivered batch, repopulation through the
 * shadow swap, schema changes, the soft delete and history modes, column exclusion and hashing) on the HSQLDB dialect,
 * a file database with CACHED tables in MVCC mode as the guide recommends.
 */
class HsqlDialectProtocolTest extends AbstractDialectProtocolTest {
    @TempDir
    Path dir;

    @Override
    protected TargetDialect dialect() {
        return new HsqlDialect();
    }

    @Override
    protected String targetUrl() {
        return "jdbc:hsqldb:file:" + dir.resolve("protocol").toAbsolutePath()
                + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;user=SA;password=";
    }
}
