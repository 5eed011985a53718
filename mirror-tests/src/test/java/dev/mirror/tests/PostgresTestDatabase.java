package dev.mirror.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL server named by {@code MIRROR_TEST_POSTGRES_URL}; tests are skipped with the reason
 * shown when it is not set (no Docker engine here for Testcontainers).
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String ENV = "MIRROR_TEST_POSTGRES_URL";
    private final String baseUrl;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    static PostgresTestDatabase create() throws SQLException {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            System.out.println("SKIPPED: PostgreSQL tests need " + ENV + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        assumeTrue(url != null && !url.isBlank(), "SKIPPED: set " + ENV + " to run against PostgreSQL "
                + "(e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres); .ci/run sets it");
        String schema = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new PostgresTestDatabase(url, schema);
    }

    /** The URL with {@code currentSchema} pointing at the fresh schema. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
