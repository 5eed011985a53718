package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.testkit.dialect.AbstractTargetDialectTest;
import dev.mirror.testkit.dialect.StreamingConformance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    /**
     * A quarter of the heap instead of the kit's 1.5 times: HSQLDB holds a transaction's uncommitted rows in memory
     * until the commit, even in CACHED tables (measured: 25,000 rows of 8 KB in one transaction fail with a 128 MB heap,
     * the same rows committed every 1,000 pass), and the kit writes everything in one transaction. The dialect itself
     * streams (bounded JDBC batches and a bounded stage); more than the heap per transaction is HSQLDB's limit.
     */
    @Override
    protected long streamingRowCount() {
        return Math.max(1_000L, Runtime.getRuntime().maxMemory() / 4 / StreamingConformance.PAYLOAD_BYTES);
    }

    /**
     * HSQLDB's {@code ResultSet.getObject(int)} (what the kit reads with) turns a TIMESTAMP WITH TIME ZONE before the
     * Gregorian reform into the Julian calendar's date (0001-01-02 comes back as 0000-12-31); the stored value is right
     * ({@code getObject(int, OffsetDateTime.class)} and CAST to text give it back, {@link HsqlDatetimeOffsetTest}). So
     * for those values only, the kit expects what that read gives; everything else is SQL Server's behaviour.
     */
    @Override
    protected Object expectedRoundTrip(SqlType type, Object written) {
        Object expected = super.expectedRoundTrip(type, written);
        return type.base() == SqlServerType.DATETIMEOFFSET && expected instanceof OffsetDateTime t
                ? HsqlDatetimeOffsetTest.asHsqldbReadsIt(t) : expected;
    }
}
