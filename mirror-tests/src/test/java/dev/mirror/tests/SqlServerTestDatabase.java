package dev.mirror.tests;

import dev.mirror.sqlserver.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the SQL Server of {@link TestServer} ({@code MIRROR_TEST_SQLSERVER_URL}, else Testcontainers
 * when Docker exists, else the test is SKIPPED with the reason printed). Mirror tables live in the login's default
 * schema of that database, as in production.
 */
final class SqlServerTestDatabase implements AutoCloseable {
    private final String serverUrl;
    private final String database;

    private SqlServerTestDatabase(String serverUrl, String database) {
        this.serverUrl = serverUrl;
        this.database = database;
    }

    static SqlServerTestDatabase create(String prefix) throws SQLException {
        TestServer.announce(prefix);
        String url = TestServer.url(); // skips the calling test when there is no server
        String db = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE [" + db + "]");
            s.execute("ALTER DATABASE [" + db + "] SET ALLOW_SNAPSHOT_ISOLATION ON");
        }
        return new SqlServerTestDatabase(url, db);
    }

    /** The server URL pointed at the fresh database. */
    String url() {
        return serverUrl + ";databaseName=" + database;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE [" + database + "] SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
            s.execute("DROP DATABASE [" + database + "]");
        }
    }
}
