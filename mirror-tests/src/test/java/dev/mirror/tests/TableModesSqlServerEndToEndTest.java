package dev.mirror.tests;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The soft delete and history modes through the sample's whole script into SQL Server (bulk-copy stage, core's statements); skipped without a server. */
class TableModesSqlServerEndToEndTest extends TableModesEndToEndTest {
    private SqlServerTestDatabase db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = SqlServerTestDatabase.create("mt_modes");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Map<String, Object> config(String mode) {
        Map<String, Object> tree = new HashMap<>(TestMirrors.sampleToTarget("MODES", "sqlserver", db.url(), Map.of(), Map.of()));
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return tree;
    }
}
