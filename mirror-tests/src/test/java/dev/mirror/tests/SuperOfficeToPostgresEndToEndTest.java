package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The SuperOffice single-tenant script into PostgreSQL (a fresh schema on {@code MIRROR_TEST_POSTGRES_URL}; skipped
 * with the reason when it is not set).
 */
class SuperOfficeToPostgresEndToEndTest extends SuperOfficeEndToEndTest {
    private PostgresTestDatabase db;

    @BeforeEach
    void createSchema() throws Exception {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Map<String, Object> target() {
        return Map.of("dialect", "postgresql", "url", db.url());
    }
}
