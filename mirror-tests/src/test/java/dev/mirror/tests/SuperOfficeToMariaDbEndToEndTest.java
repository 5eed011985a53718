package dev.mirror.tests;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SuperOffice single-tenant script through the endpoint into MariaDB (a fresh database on
 * {@code MIRROR_TEST_MARIADB_URL}; skipped with the reason when it is not set).
 */
class SuperOfficeToMariaDbEndToEndTest extends SuperOfficeEndToEndTest {
    @RegisterExtension
    final MariaDbDatabase maria = new MariaDbDatabase();

    @Override
    protected Map<String, Object> target() {
        return Map.of("dialect", "mariadb", "url", maria.url());
    }
}
