package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * {@link SqlServerTestDatabase}'s setup and cleanup paths, on a recording JDBC driver (no server needed): the database
 * is dropped when a setting is refused (and the test skipped) or a setup step fails (and the failure kept).
 */
class SqlServerTestDatabaseTest {
    private RecordingDriver driver;

    @BeforeEach
    void register() throws SQLException {
        driver = new RecordingDriver("jdbc:mirrorfake-" + UUID.randomUUID() + ":");
        DriverManager.registerDriver(driver);
    }

    @AfterEach
    void deregister() throws SQLException {
        DriverManager.deregisterDriver(driver);
    }

    @Test
    void acceptedSettingsThenCloseDropsTheDatabase() throws SQLException {
        SqlServerTestDatabase db = SqlServerTestDatabase.create(driver.url(), "t", SqlServerTestDatabase.Feature.SNAPSHOT_ISOLATION,
                SqlServerTestDatabase.Feature.CHANGE_TRACKING);
        String q = "[" + db.name() + "]";
        assertThat(db.url()).isEqualTo(driver.url() + ";databaseName=" + db.name());
        db.close();
        assertThat(driver.executed).containsExactly("CREATE DATABASE " + q,
                "ALTER DATABASE " + q + " SET ALLOW_SNAPSHOT_ISOLATION ON",
                "ALTER DATABASE " + q + " SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON)",
                "ALTER DATABASE " + q + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE", "DROP DATABASE " + q);
    }

    @Test
    void aTestNeedingNoSettingAsksForNone() throws SQLException {
        SqlServerTestDatabase db = SqlServerTestDatabase.create(driver.url(), "t");
        assertThat(driver.executed).containsExactly("CREATE DATABASE [" + db.name() + "]");
        db.close();
    }

    @Test
    void aRefusedSettingDropsTheDatabaseAndSkipsWithTheServersAnswer() {
        driver.failOn = "ALTER DATABASE [t_";
        driver.failOnlyOnce = true; // the SINGLE_USER of the cleanup may succeed again
        assertThatThrownBy(() -> SqlServerTestDatabase.create(driver.url(), "t", SqlServerTestDatabase.Feature.SNAPSHOT_ISOLATION))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the server refused SNAPSHOT_ISOLATION")
                .hasMessageContaining("simulated: 'ALTER DATABASE' is not currently supported");
        assertThat(driver.executed).last().asString().startsWith("DROP DATABASE [t_");
    }

    @Test
    void aServerWithoutAlterDatabaseSetStillDropsTheDatabase() {
        driver.failOn = "ALTER DATABASE"; // refused for the setting and for SINGLE_USER alike
        assertThatThrownBy(() -> SqlServerTestDatabase.create(driver.url(), "t", SqlServerTestDatabase.Feature.CHANGE_TRACKING))
                .isInstanceOf(TestAbortedException.class);
        assertThat(driver.executed).last().asString().startsWith("DROP DATABASE [t_");
    }

    @Test
    void aFailedSetupConnectionDropsTheDatabaseAndKeepsTheFailure() {
        driver.failConnection = 2; // CREATE DATABASE works, the settings connection fails, the cleanup connection works
        assertThatThrownBy(() -> SqlServerTestDatabase.create(driver.url(), "t", SqlServerTestDatabase.Feature.SNAPSHOT_ISOLATION))
                .isInstanceOf(SQLException.class).hasMessageContaining("simulated: connection 2 lost");
        assertThat(driver.executed).first().asString().startsWith("CREATE DATABASE [t_");
        assertThat(driver.executed).last().asString().startsWith("DROP DATABASE [t_");
    }

    /** A JDBC driver for one URL prefix whose statements record their SQL and fail where told to. */
    private static final class RecordingDriver implements Driver {
        private final String prefix;
        final List<String> executed = new ArrayList<>();
        String failOn;
        boolean failOnlyOnce;
        int failConnection;
        private int connections;

        RecordingDriver(String prefix) {
            this.prefix = prefix;
        }

        String url() {
            return prefix + "//server";
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            if (++connections == failConnection) {
                throw new SQLException("simulated: connection " + connections + " lost", "08S01");
            }
            Statement st = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "execute" -> {
                            String sql = (String) a[0];
                            if (failOn != null && sql.startsWith(failOn)) {
                                if (failOnlyOnce) {
                                    failOn = null;
                                }
                                throw new SQLException("simulated: 'ALTER DATABASE' is not currently supported", "42000");
                            }
                            executed.add(sql);
                            yield false;
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "createStatement" -> st;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && url.startsWith(prefix);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
    }
}
