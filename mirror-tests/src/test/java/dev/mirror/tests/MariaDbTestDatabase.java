package dev.mirror.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the MariaDB server named by {@code MIRROR_TEST_MARIADB_URL} (e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true}); tests are skipped with the reason shown
 * when it is not set. MariaDB's databases play the part of PostgreSQL's schemas: one per test, so tests can run at once.
 */
final class MariaDbTestDatabase implements AutoCloseable {
    static final String ENV = "MIRROR_TEST_MARIADB_URL";
    private final String baseUrl;
    private final String database;

    private MariaDbTestDatabase(String baseUrl, String database) {
        this.baseUrl = baseUrl;
        this.database = database;
    }

    static MariaDbTestDatabase create() throws SQLException {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            System.out.println("SKIPPED: MariaDB tests need " + ENV
                    + " (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true)");
        }
        assumeTrue(url != null && !url.isBlank(), "SKIPPED: set " + ENV + " to run against MariaDB "
                + "(e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true); .ci/run sets it");
        String database = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        return new MariaDbTestDatabase(url, database);
    }

    /** The URL with its database replaced by the fresh one. */
    String url() {
        int hosts = baseUrl.indexOf("//");
        int slash = baseUrl.indexOf('/', hosts + 2);
        int query = baseUrl.indexOf('?');
        String head = slash >= 0 && (query < 0 || slash < query) ? baseUrl.substring(0, slash)
                : query < 0 ? baseUrl : baseUrl.substring(0, query);
        return head + "/" + database + (query < 0 ? "" : baseUrl.substring(query));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
