package dev.mirror.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The indexes plugin end to end on PostgreSQL (statement order checked on H2; hook order checked here too). */
class IndexesPostgresEndToEndTest extends IndexesEndToEndTest {
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
    protected String dialect() {
        return "postgresql";
    }

    @Override
    protected String url() {
        return db.url();
    }
}
