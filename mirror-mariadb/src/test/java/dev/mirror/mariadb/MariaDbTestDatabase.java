package dev.mirror.mariadb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the MariaDB server named by {@code MIRROR_TEST_MARIADB_URL} (for example
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true}); tests that need it are skipped, with that
 * reason shown, when the variable is unset. Each test class has its own database, so classes can run concurrently.
 */
final class MariaDbTestDatabase implements AutoCloseable {
    static final String ENV = "MIRROR_TEST_MARIADB_URL";
    static final String SKIP_REASON = ENV + " is not set (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true):"
            + " MariaDB integration test skipped";

    final String database;
    private final String baseUrl;

    private MariaDbTestDatabase(String baseUrl, String database) {
        this.baseUrl = baseUrl;
        this.database = database;
    }

    /** Creates the database, or returns null when the variable is unset (tests then call {@link #assumeAvailable}). */
    static MariaDbTestDatabase create(String prefix) throws SQLException {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        String db = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        }
        return new MariaDbTestDatabase(url, db);
    }

    static void assumeAvailable(MariaDbTestDatabase db) {
        assumeTrue(db != null, SKIP_REASON);
    }

    /** {@code url} with its database replaced by {@code database} (the path after host and port). */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String head = slash < 0 || (query >= 0 && slash > query) ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return head + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    String url() {
        return withDatabase(baseUrl, database);
    }

    /** A connection to the test database, auto-commit off (as core hands them out). */
    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url());
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
