package dev.mirror.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link AtomicRepopulationTest} on PostgreSQL: DROP + RENAME of the shadow inside the LSN's transaction. */
class AtomicRepopulationPostgresTest extends AtomicRepopulationTest {
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
    protected String dialect() {
        return "postgresql";
    }

    @Override
    protected String url() {
        return db.url();
    }
}
