package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mirror demo --target} into MariaDB (MIRROR_TEST_MARIADB_URL), in a fresh database; skipped with the reason otherwise. */
class MariaDbCliTest {
    private static final String URL = System.getenv("MIRROR_TEST_MARIADB_URL");
    private String database;

    @BeforeEach
    void freshDatabase() throws Exception {
        assumeTrue(URL != null && !URL.isBlank(), "MIRROR_TEST_MARIADB_URL is not set (e.g. "
                + "jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true): MariaDB CLI test skipped");
        database = "cli_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private String url() {
        int slash = URL.indexOf('/', URL.indexOf("//") + 2);
        int query = URL.indexOf('?');
        String head = slash >= 0 && (query < 0 || slash < query) ? URL.substring(0, slash) : query < 0 ? URL : URL.substring(0, query);
        return head + "/" + database + (query < 0 ? "" : URL.substring(query));
    }

    @Test
    void demoIntoMariaDbChoosesTheDialectByTheUrlAndVerifies() {
        Cli.Result r = Cli.run("demo", "--target", url(), "--cycles", "8");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("-> mariadb target").contains("Cycle 8 of 8")
                .containsPattern("contact\\s+created\\s+\\d+\\s+0\\s+0\\s+1000")
                .containsPattern("project\\s+recreated.*nvarchar.*datetime")
                .contains("verify: the mirror equals the source").contains("Demo_mirroring");
    }
}
