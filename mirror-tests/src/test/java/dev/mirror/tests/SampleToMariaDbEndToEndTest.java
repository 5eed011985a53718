package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sample's whole script into MariaDB (LOAD DATA LOCAL bulk path, staged upserts): mirror equals source after every cycle. */
class SampleToMariaDbEndToEndTest extends SampleToH2EndToEndTest {
    @RegisterExtension
    final MariaDbDatabase maria = new MariaDbDatabase();

    @Override
    protected Map<String, Object> config() {
        return TestMirrors.sampleToTarget("E2E", "mariadb", maria.url(), Map.of(), Map.of());
    }
}
