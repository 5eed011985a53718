package dev.mirror.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/** The CLI end to end with PostgreSQL as the target (MIRROR_TEST_POSTGRES_URL), each test in a fresh schema. */
class PostgresCliTest extends AbstractCliTest {
    private static final String URL = System.getenv("MIRROR_TEST_POSTGRES_URL");
    private String schema;

    @BeforeEach
    void freshSchema() throws Exception {
        assumeTrue(URL != null && !URL.isBlank(),
                "MIRROR_TEST_POSTGRES_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres): PostgreSQL CLI tests skipped");
        schema = "cli_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        writeConfig();
    }

    @Override
    String targetYaml() {
        String url = URL == null ? "" : URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return "  dialect: postgresql\n  url: \"" + url + "\"";
    }
}
