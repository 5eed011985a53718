package dev.mirror.sqlserver.source;

import dev.mirror.api.source.PullSource;
import dev.mirror.sqlserver.TestServer;
import dev.mirror.testkit.source.AbstractChangeSourceTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Change Tracking source runs the pull-source kit: through core's real protocol on H2, against a real SQL Server
 * (SKIPPED, saying why, without {@code MIRROR_TEST_SQLSERVER_URL} or Docker; see {@link TestServer}). Each test gets a
 * schema of its own, so the source's truth (its own snapshot reader) is not disturbed by other tests' tables.
 */
class ChangeTrackingSourceConformanceTest extends AbstractChangeSourceTest {
    private String url;
    private final String schema = "kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private int advance;

    @BeforeAll
    static void server() {
        TestServer.announce(ChangeTrackingSourceConformanceTest.class.getSimpleName());
    }

    /** Creates the schema with a table (changes with each advance), a second table and a heap (no key: skipped). */
    @Override
    protected PullSource createSource() {
        url = TestServer.url();
        TestServer.assumeAccepted(getClass().getSimpleName(), "enabling snapshot isolation and change tracking", () -> {
            exec("CREATE SCHEMA [" + schema + "]",
                    "CREATE TABLE [" + schema + "].[account] (id int NOT NULL PRIMARY KEY, name nvarchar(40) NULL,"
                            + " balance decimal(12,2) NULL, opened datetime2(3) NULL)",
                    "CREATE TABLE [" + schema + "].[region] (code nchar(2) NOT NULL PRIMARY KEY, label nvarchar(20) NOT NULL)",
                    "CREATE TABLE [" + schema + "].[heap] (x int NULL)",
                    "INSERT INTO [" + schema + "].[account] VALUES (1, N'a', 1.50, '2024-01-01T10:00:00.123'),"
                            + " (2, N'b', NULL, NULL), (3, N'c', 3.00, NULL)",
                    "INSERT INTO [" + schema + "].[region] VALUES (N'NO', N'Norway'), (N'SE', N'Sweden')");
            try (Connection c = DriverManager.getConnection(url)) {
                new ChangeTrackingEnabler(schema, 2).run(c, sql -> { });
            }
        });
        return new ChangeTrackingSource(new ChangeTrackingConfig(url, null, null, schema, 2, false, 2));
    }

    /** Inserts, updates and deletes in the first table (batch size 2: several batches), one update in the second. */
    @Override
    protected void advanceSource(PullSource source) {
        advance++;
        int base = 100 * advance;
        try {
            exec("INSERT INTO [" + schema + "].[account] VALUES (" + base + ", N'n" + base + "', " + base + ".25, SYSDATETIME()),"
                            + " (" + (base + 1) + ", NULL, NULL, NULL), (" + (base + 2) + ", N'x', 0.01, NULL)",
                    "UPDATE [" + schema + "].[account] SET name = N'u" + advance + "', balance = balance + 1 WHERE id = 2",
                    "DELETE FROM [" + schema + "].[account] WHERE id = " + (advance == 1 ? 1 : base - 99),
                    "UPDATE [" + schema + "].[region] SET label = N'L" + advance + "' WHERE code = N'SE'");
        } catch (SQLException e) {
            throw new AssertionError("changing the source failed: " + e.getMessage(), e);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (url != null) {
            exec("DROP TABLE IF EXISTS [" + schema + "].[account]", "DROP TABLE IF EXISTS [" + schema + "].[region]",
                    "DROP TABLE IF EXISTS [" + schema + "].[heap]", "IF SCHEMA_ID(N'" + schema + "') IS NOT NULL DROP SCHEMA [" + schema + "]");
        }
    }

    private void exec(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
