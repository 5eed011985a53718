package dev.mirror.mariadb;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractDialectProtocolTest;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Core's real protocol on the MariaDB dialect, in a fresh database of the server named by {@code MIRROR_TEST_MARIADB_URL};
 * skipped with the visible reason when it is unset.
 */
class MariaDbDialectProtocolTest extends AbstractDialectProtocolTest {
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = MariaDbTestDatabase.create("mirror_maria_protocol");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TargetDialect dialect() {
        return new MariaDbDialect();
    }

    @Override
    protected String targetUrl() {
        MariaDbTestDatabase.assumeAvailable(db);
        return db.url();
    }
}
