package dev.mirror.tests;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AtomicRepopulationTest} on MariaDB (a fresh database per test): the swap is one atomic RENAME TABLE. */
class AtomicRepopulationMariaDbTest extends AtomicRepopulationTest {
    @RegisterExtension
    final MariaDbDatabase maria = new MariaDbDatabase();

    @Override
    protected String dialect() {
        return "mariadb";
    }

    @Override
    protected String url() {
        return maria.url();
    }
}
