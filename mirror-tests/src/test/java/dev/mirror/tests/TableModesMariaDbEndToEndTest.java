package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The soft delete and history modes through the sample's whole script into MariaDB (LOAD DATA stage, core's statements). */
class TableModesMariaDbEndToEndTest extends TableModesEndToEndTest {
    @RegisterExtension
    final MariaDbDatabase maria = new MariaDbDatabase();

    @Override
    protected Map<String, Object> config(String mode) {
        Map<String, Object> tree = TestMirrors.sampleToTarget("MODES", "mariadb", maria.url(), Map.of(), Map.of());
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return tree;
    }
}
