package dev.mirror.sqlserver.dialect;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.sqlserver.TestServer;
import dev.mirror.testkit.dialect.AbstractTargetDialectTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;

/** The shared target-dialect conformance suite against a real SQL Server (skipped without one). */
class SqlServerDialectConformanceTest extends AbstractTargetDialectTest {
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);

    @BeforeAll
    static void server() {
        TestServer.announce(SqlServerDialectConformanceTest.class.getSimpleName());
    }

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }

    /** Called from the kit's @BeforeEach: without a server each test is skipped (and counted) here. */
    @Override
    protected Connection openConnection() throws SQLException {
        Connection c = DriverManager.getConnection(TestServer.url());
        dialect.prepareConnection(c);
        return c;
    }

    /** Keeps the streaming tests to a size a test server holds comfortably (the module runs with -Xmx256m). */
    @Override
    protected long streamingRowCount() {
        return Math.min(super.streamingRowCount(), 60_000L);
    }
}
