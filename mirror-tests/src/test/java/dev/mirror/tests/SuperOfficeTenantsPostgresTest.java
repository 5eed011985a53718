package dev.mirror.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tenant isolation into PostgreSQL: a schema per tenant through {@code currentSchema=<prefix>_{ctx}} on
 * {@code MIRROR_TEST_POSTGRES_URL} (skipped with the reason when it is not set). The allowed tenants' schemas are created
 * up front (the mirror writes into the connection's schema; it does not create schemas).
 */
class SuperOfficeTenantsPostgresTest extends SuperOfficeTenantsTest {
    private String base;
    private String prefix;

    @BeforeEach
    void createSchemas() throws SQLException {
        base = System.getenv(PostgresTestDatabase.ENV);
        if (base == null || base.isBlank()) {
            System.out.println("SKIPPED: PostgreSQL tests need " + PostgresTestDatabase.ENV);
        }
        assumeTrue(base != null && !base.isBlank(), "SKIPPED: set " + PostgresTestDatabase.ENV + " to run against PostgreSQL "
                + "(e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres); .ci/run sets it");
        prefix = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            for (String ctx : List.of("custa", "custb", "shared")) {
                s.execute("CREATE SCHEMA " + prefix + "_" + ctx);
            }
        }
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        if (prefix == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
            List<String> schemas = new java.util.ArrayList<>();
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
            for (String schema : schemas) {
                try (Statement d = c.createStatement()) {
                    d.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private String url(String ctx) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + prefix + "_" + ctx;
    }

    @Override
    protected Map<String, Object> target(boolean perTenant) {
        return Map.of("dialect", "postgresql", "url", url(perTenant ? "{ctx}" : "shared"));
    }

    @Override
    protected Connection connect(String ctx) throws SQLException {
        return DriverManager.getConnection(url(ctx));
    }

    @Override
    protected boolean traceOf(String ctx) throws SQLException {
        String lower = ctx.toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base);
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM pg_tables WHERE schemaname LIKE ? "
                     + "AND (schemaname = ? OR lower(tablename) = ?)")) {
            p.setString(1, prefix + "%");
            p.setString(2, prefix + "_" + lower);
            p.setString(3, lower + "_mirroring");
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
