package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same bad input on MariaDB, where the 134-character name must be mapped under the 64-character limit. */
class HostileSourceMariaDbEndToEndTest extends HostileSourceEndToEndTest {
    @RegisterExtension
    final MariaDbDatabase maria = new MariaDbDatabase();

    @Override
    protected Map<String, Object> target() {
        return Map.of("dialect", "mariadb", "url", maria.url());
    }
}
