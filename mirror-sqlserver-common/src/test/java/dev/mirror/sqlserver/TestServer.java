package dev.mirror.sqlserver;

import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MSSQLServerContainer;

/**
 * The SQL Server for integration tests: {@code MIRROR_TEST_SQLSERVER_URL} when set (a full JDBC URL with
 * user and password, any TDS-compatible server), else a Testcontainers {@code mcr.microsoft.com/mssql/server}
 * when Docker is available, else the calling test class is skipped with the reason printed.
 */
public final class TestServer {
    public static final String ENV = "MIRROR_TEST_SQLSERVER_URL";
    private static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-latest";
    private static String url;
    private static String skipReason;
    private static MSSQLServerContainer<?> container;

    private TestServer() {
    }

    /**
     * Prints, once per test class (call it from a @BeforeAll), why the class's tests will be skipped. The
     * skip itself happens per test in {@link #url()}, so that Maven counts every skipped test.
     */
    public static synchronized void announce(String who) {
        if (url == null && skipReason == null) {
            resolve();
        }
        if (url == null) {
            System.out.println("SKIPPED " + who + ": " + skipReason);
        }
    }

    /** The server's JDBC URL; skips the calling test when there is none. */
    public static synchronized String url() {
        if (url == null && skipReason == null) {
            resolve();
        }
        Assumptions.assumeTrue(url != null, skipReason);
        return url;
    }

    /** Work against the server that may be refused. */
    @FunctionalInterface
    public interface ServerAction {
        void run() throws SQLException;
    }

    /**
     * Runs {@code setup} (e.g. enabling change tracking or snapshot isolation); when the server refuses it (some
     * TDS-compatible servers lack {@code ALTER DATABASE ... SET}, snapshot isolation or change tracking), the calling
     * test is skipped with the server's answer printed, instead of failing. Only the tests that need the setting call it.
     */
    public static void assumeAccepted(String who, String what, ServerAction setup) {
        try {
            setup.run();
        } catch (SQLException e) {
            String reason = "the server refused " + what + ": " + e.getMessage();
            System.out.println("SKIPPED " + who + ": " + reason);
            Assumptions.abort(reason);
        }
    }

    private static void resolve() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            url = env;
            return;
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (!docker) {
            skipReason = "no SQL Server: set " + ENV + " (e.g. jdbc:sqlserver://localhost:1433;databaseName=mirror_test;"
                    + "user=sa;password=...;encrypt=false) or make Docker available for Testcontainers";
            return;
        }
        container = new MSSQLServerContainer<>(IMAGE).acceptLicense();
        container.start();
        url = container.getJdbcUrl() + ";user=" + container.getUsername() + ";password=" + container.getPassword();
    }
}
