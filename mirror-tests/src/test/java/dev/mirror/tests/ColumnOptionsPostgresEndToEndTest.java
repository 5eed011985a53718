package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Column exclusion, hashing and a change of options on PostgreSQL. */
class ColumnOptionsPostgresEndToEndTest extends ColumnOptionsEndToEndTest {
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
    protected Map<String, Object> base() {
        return TestMirrors.sampleToTarget("COLS", "postgresql", db.url(), Map.of(), Map.of());
    }
}
