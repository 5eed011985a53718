package dev.mirror.indexes;

import dev.mirror.api.target.TargetDialect;
import dev.mirror.testkit.hook.KitDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * The indexes hook on the embedded H2 database. Uses the kit's standard-SQL dialect with no INCLUDE or
 * filtered indexes (H2 supports neither) until the H2 dialect module can be used in test scope.
 */
class IndexesH2Test extends AbstractIndexesDatabaseTest {
    private final KitDialect dialect = new KitDialect("kit-h2", Set.of());

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:indexes_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }
}
