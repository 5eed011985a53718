package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The soft delete and history modes through the sample's whole script into PostgreSQL (COPY stage, core's statements). */
class TableModesPostgresEndToEndTest extends TableModesEndToEndTest {
    @RegisterExtension
    final PostgresSchema pg = new PostgresSchema();

    @Override
    protected Map<String, Object> config(String mode) {
        Map<String, Object> tree = TestMirrors.sampleToTarget("MODES", "postgresql", pg.url(), Map.of(), Map.of());
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return tree;
    }
}
