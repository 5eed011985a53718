package dev.mirror.postgresql;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractDialectProtocolTest;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Core's real protocol on the PostgreSQL dialect, in a fresh schema of the server named by {@code MIRROR_TEST_POSTGRES_URL};
 * skipped with the visible reason when it is unset.
 */
class PostgresDialectProtocolTest extends AbstractDialectProtocolTest {
    private static PostgresTestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_protocol");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TargetDialect dialect() {
        return new PostgresDialect();
    }

    @Override
    protected String targetUrl() {
        PostgresTestDatabase.assumeAvailable(db);
        return db.url();
    }
}
