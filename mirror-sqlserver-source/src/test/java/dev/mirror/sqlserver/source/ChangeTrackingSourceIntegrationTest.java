package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.sqlserver.TestServer;
import dev.mirror.testkit.source.KitMirror;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Change Tracking source against a real SQL Server (skipped without one): first cycle repopulates,
 * later cycles carry inserts, updates and deletes, a reset LSN repopulates again, tables without a primary
 * key are reported. The login needs ALTER DATABASE (the test enables change tracking).
 */
class ChangeTrackingSourceIntegrationTest {
    private String url;
    private final String table = "ct_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String heap = table + "_heap";

    @BeforeAll
    static void server() {
        TestServer.announce(ChangeTrackingSourceIntegrationTest.class.getSimpleName());
    }

    @org.junit.jupiter.api.BeforeEach
    void requireServer() {
        url = TestServer.url();
        // snapshot isolation and change tracking on the database: a server that refuses them skips, saying why
        TestServer.assumeAccepted(getClass().getSimpleName(), "enabling snapshot isolation and change tracking", () -> {
            try (Connection c = DriverManager.getConnection(url)) {
                new ChangeTrackingEnabler("dbo", 2).run(c, sql -> { });
            }
        });
    }

    @AfterEach
    void dropTables() throws SQLException {
        if (url == null) {
            return;
        }
        exec("DROP TABLE IF EXISTS [dbo].[" + table + "]", "DROP TABLE IF EXISTS [dbo].[" + heap + "]");
    }

    private void exec(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private ChangeTrackingSource source() {
        return new ChangeTrackingSource(new ChangeTrackingConfig(url, null, null, "dbo", 2, true, 2));
    }

    @Test
    void mirrorFollowsTheSourceCycleAfterCycle() throws SQLException {
        exec("CREATE TABLE [dbo].[" + table + "] (id int NOT NULL PRIMARY KEY, name nvarchar(20) NULL DEFAULT (N''),"
                        + " amount decimal(10,2) NULL, at datetime2(3) NULL)",
                "CREATE TABLE [dbo].[" + heap + "] (x int NULL)",
                "INSERT INTO [dbo].[" + table + "] VALUES (1, N'a', 1.50, '2024-01-01T10:00:00.123'), (2, N'b', NULL, NULL),"
                        + " (3, N'c', 3.00, NULL)");
        ChangeTrackingSource source = source();
        try (KitMirror mirror = KitMirror.start(source, "It", Set.of())) { // core's protocol on H2
        mirror.cycle();
        assertThat(mirror.rows(table)).hasSize(3);
        assertThat(source.skippedTables()).extracting(SkippedTable::table).contains(heap);

        exec("INSERT INTO [dbo].[" + table + "] VALUES (4, N'd', 4.00, NULL)",
                "UPDATE [dbo].[" + table + "] SET name = N'B' WHERE id = 2",
                "DELETE FROM [dbo].[" + table + "] WHERE id = 1");
        mirror.cycle();
        List<Object> names = new ArrayList<>();
        for (List<String> r : mirror.rows(table)) {
            names.add(r.get(1));
        }
        assertThat(names).containsExactlyInAnyOrder("B", "c", "d");
        assertThat(source.retentionHeadroom()).anySatisfy(h -> {
            assertThat(h.table()).isEqualTo(table);
            assertThat(h.headroom()).isGreaterThanOrEqualTo(0);
        });
        // the same headroom on demand, through the diagnostics facet the CLI's status uses (stored LSN as given)
        dev.mirror.api.admin.StatusDetails details = source.diagnostics().orElseThrow().status(new dev.mirror.api.admin.StatusRequest(
                dev.mirror.api.ContextId.of("It"), java.util.Map.of(table, Long.MAX_VALUE / 2)));
        assertThat(details.tables().get(table)).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("retentionHeadroom");
            assertThat((Long) d.value()).isPositive();
        });

        mirror.resetLsn(table);
        mirror.cycle();
        assertThat(mirror.rows(table)).hasSize(3);
        }
    }
}
