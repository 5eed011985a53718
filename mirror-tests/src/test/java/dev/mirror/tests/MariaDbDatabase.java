package dev.mirror.tests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh MariaDB database per test ({@link MariaDbTestDatabase}), created before and dropped after each test; the test
 * is SKIPPED with the reason when {@code MIRROR_TEST_MARIADB_URL} is not set. Register it with {@code @RegisterExtension}.
 */
final class MariaDbDatabase implements BeforeEachCallback, AfterEachCallback {
    private MariaDbTestDatabase db;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        db = MariaDbTestDatabase.create();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** The URL of the test's database. */
    String url() {
        return db.url();
    }
}
