package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The soft delete and history modes through the sample's whole script into PostgreSQL (COPY stage, core's statements). */
class TableModesPostgresEndToEndTest extends TableModesEndToEndTest {
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
    protected Map<String, Object> config(String mode) {
        Map<String, Object> tree = TestMirrors.sampleToTarget("MODES", "postgresql", db.url(), Map.of(), Map.of());
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return tree;
    }
}
