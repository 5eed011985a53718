package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The sample's whole script into SQL Server (bulk copy, staged set-wise apply): mirror equals source after every cycle. */
class SampleToSqlServerEndToEndTest extends SampleToH2EndToEndTest {
    private SqlServerTestDatabase db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = SqlServerTestDatabase.create("mt_sample");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Map<String, Object> config() {
        return TestMirrors.sampleToTarget("E2E", "sqlserver", db.url(), Map.of(), Map.of());
    }
}
