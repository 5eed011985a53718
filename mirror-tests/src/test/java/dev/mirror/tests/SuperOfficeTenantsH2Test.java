package dev.mirror.tests;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Tenant isolation into H2: a database file per tenant through {@code Mirroring_{ctx}}. */
class SuperOfficeTenantsH2Test extends SuperOfficeTenantsTest {
    @Override
    protected Map<String, Object> target(boolean perTenant) {
        return Map.of("dialect", "h2", "url", perTenant ? template() : template().replace("{ctx}", "Shared"));
    }

    private String template() {
        return "jdbc:h2:file:" + dir.toAbsolutePath() + "/Mirroring_{ctx};LOCK_TIMEOUT=10000";
    }

    @Override
    protected Connection connect(String ctx) throws SQLException {
        return DriverManager.getConnection(template().replace("{ctx}", ctx) + ";IFEXISTS=TRUE");
    }

    @Override
    protected boolean traceOf(String ctx) {
        return Files.exists(dir.resolve("Mirroring_" + ctx + ".mv.db"));
    }
}
