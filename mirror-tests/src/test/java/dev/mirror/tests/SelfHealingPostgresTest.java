package dev.mirror.tests;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SelfHealingTest} on PostgreSQL (a fresh schema per test). */
class SelfHealingPostgresTest extends SelfHealingTest {
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
