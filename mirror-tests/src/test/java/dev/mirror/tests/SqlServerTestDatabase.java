package dev.mirror.tests;

import dev.mirror.sqlserver.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the SQL Server of {@link TestServer} ({@code MIRROR_TEST_SQLSERVER_URL}, else Testcontainers
 * when Docker exists, else the test is SKIPPED with the reason printed). Mirror tables live in the login's default
 * schema of that database, as in production.
 *
 * <p>The database is dropped on every path: by {@link #close()}, and by {@link #create} itself when a setup statement
 * after {@code CREATE DATABASE} fails. A server that refuses a database setting a test needs (some TDS-compatible
 * servers have no {@code ALTER DATABASE ... SET}, no snapshot isolation or no change tracking) skips that test only,
 * with the server's answer printed; a test that needs no setting asks for none.
 */
final class SqlServerTestDatabase implements AutoCloseable {
    /** A database setting a test depends on, with the statement that turns it on ({@code %s}: the quoted database). */
    enum Feature {
        SNAPSHOT_ISOLATION("ALTER DATABASE %s SET ALLOW_SNAPSHOT_ISOLATION ON"),
        CHANGE_TRACKING("ALTER DATABASE %s SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON)");

        private final String statement;

        Feature(String statement) {
            this.statement = statement;
        }

        String statement(String quotedDatabase) {
            return String.format(Locale.ROOT, statement, quotedDatabase);
        }
    }

    private final String serverUrl;
    private final String database;

    private SqlServerTestDatabase(String serverUrl, String database) {
        this.serverUrl = serverUrl;
        this.database = database;
    }

    /**
     * Creates the database and turns on {@code features}. Skips the calling test (after dropping the database) when
     * there is no server or the server refuses a feature; drops the database and rethrows on any other failure.
     */
    static SqlServerTestDatabase create(String prefix, Feature... features) throws SQLException {
        TestServer.announce(prefix);
        return create(TestServer.url(), prefix, features); // TestServer.url() skips the calling test without a server
    }

    /** {@link #create(String, Feature...)} on the server at {@code url} (package-private for the cleanup tests). */
    static SqlServerTestDatabase create(String url, String prefix, Feature... features) throws SQLException {
        String db = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoted(db));
        }
        SqlServerTestDatabase created = new SqlServerTestDatabase(url, db);
        String refused = null;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (Feature f : features) {
                try {
                    s.execute(f.statement(quoted(db)));
                } catch (SQLException e) {
                    refused = "the server refused " + f + " (" + f.statement(quoted(db)) + "): " + e.getMessage();
                    break;
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            created.dropAfter(e);
            throw e;
        }
        if (refused != null) {
            created.dropAfter(null);
            System.out.println("SKIPPED " + prefix + ": " + refused);
            Assumptions.abort(refused);
        }
        return created;
    }

    /** The database's name. */
    String name() {
        return database;
    }

    /** The server URL pointed at the fresh database. */
    String url() {
        return serverUrl + ";databaseName=" + database;
    }

    @Override
    public void close() throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            // SINGLE_USER ends the test's own lingering sessions; a server without ALTER DATABASE ... SET still drops
            try {
                s.execute("ALTER DATABASE " + quoted(database) + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
            } catch (SQLException e) {
                failures.add(e);
            }
            s.execute("DROP DATABASE " + quoted(database));
        } catch (SQLException e) {
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Drops the database after a failed setup, keeping {@code cause} as the failure to report. */
    private void dropAfter(Throwable cause) {
        try {
            close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                System.out.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }

    private static String quoted(String name) {
        return "[" + name + "]";
    }
}
