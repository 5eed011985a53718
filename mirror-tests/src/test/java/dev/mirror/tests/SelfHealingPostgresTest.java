package dev.mirror.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link SelfHealingTest} on PostgreSQL. */
class SelfHealingPostgresTest extends SelfHealingTest {
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
