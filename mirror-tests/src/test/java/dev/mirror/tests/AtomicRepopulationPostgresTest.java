package dev.mirror.tests;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AtomicRepopulationTest} on PostgreSQL (a fresh schema per test). */
class AtomicRepopulationPostgresTest extends AtomicRepopulationTest {
    @RegisterExtension
    final PostgresSchema pg = new PostgresSchema();

    @Override
    protected String dialect() {
        return "postgresql";
    }

    @Override
    protected String url() {
        return pg.url();
    }
}
