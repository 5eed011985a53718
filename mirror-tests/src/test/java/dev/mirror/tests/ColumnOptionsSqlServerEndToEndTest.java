package dev.mirror.tests;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Column exclusion, hashing and a change of options on SQL Server; skipped without a server. */
class ColumnOptionsSqlServerEndToEndTest extends ColumnOptionsEndToEndTest {
    private SqlServerTestDatabase db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = SqlServerTestDatabase.create("mt_cols");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Map<String, Object> base() {
        Map<String, Object> tree = new HashMap<>(TestMirrors.sampleToTarget("COLS", "sqlserver", db.url(), Map.of(), Map.of()));
        return tree;
    }
}
