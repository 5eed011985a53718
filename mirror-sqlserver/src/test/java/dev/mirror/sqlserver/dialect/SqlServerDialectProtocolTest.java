package dev.mirror.sqlserver.dialect;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.sqlserver.TestServer;
import dev.mirror.testkit.dialect.AbstractDialectProtocolTest;
import org.junit.jupiter.api.BeforeAll;

/** Core's real protocol on the SQL Server dialect (skipped, saying why, without a server: see {@link TestServer}). */
class SqlServerDialectProtocolTest extends AbstractDialectProtocolTest {
    @BeforeAll
    static void server() {
        TestServer.announce(SqlServerDialectProtocolTest.class.getSimpleName());
    }

    @Override
    protected TargetDialect dialect() {
        return new SqlServerDialect(BulkSettings.DEFAULTS);
    }

    @Override
    protected String targetUrl() {
        return TestServer.url();
    }
}
