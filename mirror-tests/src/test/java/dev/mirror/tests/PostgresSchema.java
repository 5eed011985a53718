package dev.mirror.tests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema per test ({@link PostgresTestDatabase}), created before and dropped after each test; the
 * test is SKIPPED with the reason when {@code MIRROR_TEST_POSTGRES_URL} is not set. Register it with
 * {@code @RegisterExtension}.
 */
final class PostgresSchema implements BeforeEachCallback, AfterEachCallback {
    private PostgresTestDatabase db;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        db = PostgresTestDatabase.create();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** The URL of the test's schema. */
    String url() {
        return db.url();
    }
}
