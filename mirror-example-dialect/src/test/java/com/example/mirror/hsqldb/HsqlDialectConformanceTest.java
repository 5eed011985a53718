package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractTargetDialectTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the target-dialect conformance kit on a temporary HSQLDB file database whose tables are CACHED (kept on disk,
 * read through a bounded cache), so the streaming tests' rows need not fit in the heap, and in MVCC mode, as the guide
 * recommends for a mirror.
 */
class HsqlDialectConformanceTest extends AbstractTargetDialectTest {
    @TempDir
    static Path dir;

    private final TargetDialect dialect = new HsqlDialect();

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }

    @Override
    protected Connection openConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("kit").toAbsolutePath()
                + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc", "SA", "");
    }
}
