package dev.mirror.postgresql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema on the server named by {@code MIRROR_TEST_POSTGRES_URL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); tests that need it are skipped, with that
 * reason shown, when the variable is unset.
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String ENV = "MIRROR_TEST_POSTGRES_URL";

    final String schema;
    private final String baseUrl;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    static final String SKIP_REASON = ENV + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres):"
            + " PostgreSQL integration test skipped";

    /**
     * Creates the schema, or returns null when the variable is unset. Tests then call {@link #assumeAvailable}
     * in {@code @BeforeEach}, so that each one is reported as skipped with the reason (an assumption failing in
     * {@code @BeforeAll} would hide the tests from the report altogether).
     */
    static PostgresTestDatabase create(String prefix) throws SQLException {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new PostgresTestDatabase(url, schema);
    }

    static void assumeAvailable(PostgresTestDatabase db) {
        assumeTrue(db != null, SKIP_REASON);
    }

    /** A connection whose current schema is the test schema, auto-commit off (as core hands them out). */
    Connection open() throws SQLException {
        Connection c = openAutoCommit();
        c.setAutoCommit(false);
        return c;
    }

    Connection openAutoCommit() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** The URL of the test schema (its current schema), for tests that let core connect. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A connection on the server's default search path (not the test schema). */
    Connection openPlain() throws SQLException {
        return DriverManager.getConnection(baseUrl);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
