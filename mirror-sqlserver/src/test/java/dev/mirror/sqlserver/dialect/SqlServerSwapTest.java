package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact statements of the shadow swap, on a recording connection (no server needed). */
class SqlServerSwapTest {
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);

    @Test
    void swapDropsRenamesThenRunsCoresStepOnTheSameConnection() throws SQLException {
        List<String> log = new ArrayList<>();
        Connection c = recording(log, null);
        dialect.swapShadow(c, "person", "person_shadow", conn -> {
            assertThat(conn).isSameAs(c);
            log.add("inSwap");
        });
        assertThat(log).containsExactly("DROP TABLE IF EXISTS [person]",
                "EXEC sp_rename N'person_shadow', N'person', N'OBJECT'", "close statement", "inSwap");
    }

    @Test
    void hostileNamesAreQuotedInTheSwap() {
        assertThat(dialect.swapStatements("we]ird", "we]ird shadow")).containsExactly("DROP TABLE IF EXISTS \"we]ird\"",
                "EXEC sp_rename N'[we]]ird shadow]', N'we]ird', N'OBJECT'");
    }

    @Test
    void aFailingStatementStopsTheSwapBeforeCoresStep() {
        List<String> log = new ArrayList<>();
        Connection c = recording(log, "EXEC sp_rename");
        assertThatThrownBy(() -> dialect.swapShadow(c, "t", "t_shadow", conn -> log.add("inSwap")))
                .isInstanceOf(SQLException.class);
        assertThat(log).doesNotContain("inSwap").contains("close statement");
    }

    @Test
    void shadowTablesGetNoNamedConstraints() {
        dev.mirror.api.model.TableSchema s = new dev.mirror.api.model.TableSchema("t", List.of(
                new dev.mirror.api.model.Column("id", dev.mirror.api.model.SqlType.of(dev.mirror.api.model.SqlServerType.INT),
                        false, null),
                dev.mirror.testkit.dialect.KitDefaults.parse(new dev.mirror.api.model.Column("v",
                        dev.mirror.api.model.SqlType.of(dev.mirror.api.model.SqlServerType.INT), false, "((0))"))), List.of("id"));
        for (String sql : dialect.ddl().createTable("t_shadow", s)) {
            assertThat(sql).as("constraint names are schema-wide: only generated ones cannot collide")
                    .doesNotContainIgnoringCase("CONSTRAINT");
        }
    }

    /** A connection whose statements record what they execute; {@code failOn} makes a matching statement throw. */
    private static Connection recording(List<String> log, String failOn) {
        Statement st = (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (p, m, a) -> switch (m.getName()) {
                    case "execute" -> {
                        String sql = (String) a[0];
                        if (failOn != null && sql.startsWith(failOn)) {
                            throw new SQLException("simulated failure of " + sql);
                        }
                        log.add(sql);
                        yield false;
                    }
                    case "close" -> {
                        log.add("close statement");
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> switch (m.getName()) {
                    case "createStatement" -> st;
                    case "commit", "rollback", "close", "setAutoCommit" ->
                            throw new AssertionError("the dialect must not " + m.getName() + " core's transaction");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
