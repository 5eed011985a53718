package dev.mirror.indexes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.postgresql.PostgresDialectProvider;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The indexes hook on PostgreSQL through the real PostgreSQL dialect (INCLUDE and partial indexes
 * supported), in a schema of its own. Needs
 * {@code MIRROR_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * skipped without it.
 */
class IndexesPostgresTest extends AbstractIndexesDatabaseTest {
    private final TargetDialect dialect = new PostgresDialectProvider().create(new MapPluginConfig("target", Map.of()).context());
    private final String schema = "mirror_indexes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected Connection connect() throws SQLException {
        String url = System.getenv("MIRROR_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "MIRROR_TEST_POSTGRES_URL is not set: PostgreSQL test skipped");
        Properties p = new Properties();
        if (!url.contains("user=")) {
            p.setProperty("user", System.getenv().getOrDefault("MIRROR_TEST_POSTGRES_USER", "postgres"));
        }
        Connection c = DriverManager.getConnection(url, p);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + dialect.names().quote(schema));
        }
        c.setSchema(schema);
        return c;
    }

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }

    @Override
    protected void cleanUp(Connection c) throws SQLException {
        c.rollback();
        try (Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + dialect.names().quote(schema) + " CASCADE");
        }
        c.commit();
    }
}
