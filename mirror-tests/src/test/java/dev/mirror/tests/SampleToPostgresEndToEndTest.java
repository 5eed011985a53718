package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The sample's whole script into PostgreSQL (COPY bulk path, staged upserts): mirror equals source after every cycle. */
class SampleToPostgresEndToEndTest extends SampleToH2EndToEndTest {
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
    protected Map<String, Object> config() {
        return TestMirrors.sampleToTarget("E2E", "postgresql", db.url(), Map.of(), Map.of());
    }
}
