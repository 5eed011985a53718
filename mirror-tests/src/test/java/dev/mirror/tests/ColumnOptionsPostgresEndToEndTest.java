package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Column exclusion, hashing and a change of options on PostgreSQL. */
class ColumnOptionsPostgresEndToEndTest extends ColumnOptionsEndToEndTest {
    @RegisterExtension
    final PostgresSchema pg = new PostgresSchema();

    @Override
    protected Map<String, Object> base() {
        return TestMirrors.sampleToTarget("COLS", "postgresql", pg.url(), Map.of(), Map.of());
    }
}
