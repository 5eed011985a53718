package dev.mirror.indexes;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.h2.H2DialectProvider;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** The indexes hook on the embedded target, through the real H2 dialect (no INCLUDE, no filtered indexes). */
class IndexesH2Test extends AbstractIndexesDatabaseTest {
    private final TargetDialect dialect = new H2DialectProvider().create(new MapPluginConfig("target", Map.of()).context());

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:indexes_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }
}
