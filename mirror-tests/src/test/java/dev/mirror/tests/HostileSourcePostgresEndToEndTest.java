package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same bad input on PostgreSQL, where the 134-character name must be mapped under the 63-byte limit. */
class HostileSourcePostgresEndToEndTest extends HostileSourceEndToEndTest {
    private PostgresTestDatabase db;

    @BeforeEach
    void schema() throws Exception {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Map<String, Object> target() {
        return Map.of("dialect", "postgresql", "url", db.url());
    }
}
