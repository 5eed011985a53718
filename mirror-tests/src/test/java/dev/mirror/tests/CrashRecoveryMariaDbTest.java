package dev.mirror.tests;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CrashRecoveryTest} on MariaDB (a fresh database per test): injected faults and a child JVM halted in the middle
 * of a LOAD DATA LOCAL stream, of a staged batch and of the repopulation of a table with contents.
 */
class CrashRecoveryMariaDbTest extends CrashRecoveryTest {
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
