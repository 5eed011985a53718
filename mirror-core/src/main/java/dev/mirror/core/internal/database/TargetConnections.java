package dev.mirror.core.internal.database;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Redactor;
import dev.mirror.core.config.MirrorSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Resolves the target of a context (the URL may contain {@code {ctx}}, e.g. a database per tenant
 * {@code jdbc:sqlserver://host;databaseName=Mirroring_{ctx}}) and keeps one connection pool per resolved URL.
 */
public final class TargetConnections implements AutoCloseable {
    private final TargetDialect dialect;
    private final MirrorSettings.TargetSettings settings;
    private final String defaultUrl;
    private final Redactor redactor;
    private final RetryPolicy retry;
    private final Map<String, PooledTarget> pools = new ConcurrentHashMap<>();

    private record PooledTarget(HikariDataSource pool, TargetDatabase database) {
    }

    public TargetConnections(TargetDialect dialect, MirrorSettings.TargetSettings settings, String defaultUrl, Redactor redactor,
                             RetryPolicy retry) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.defaultUrl = defaultUrl;
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.retry = requireNonNull(retry, "retry is null");
    }

    public TargetDialect dialect() {
        return dialect;
    }

    /** The JDBC URL serving a context. */
    public String url(dev.mirror.api.ContextId contextId) {
        return template().replace("{ctx}", contextId.value());
    }

    /** The configured (or the dialect's default) JDBC URL, {@code {ctx}} not yet replaced; may hold a secret. */
    public String template() {
        String url = settings.url() != null ? settings.url() : defaultUrl;
        if (url == null) {
            throw MirrorException.configuration("TARGET_URL_MISSING", "target.url is required for the " + dialect.name() + " target");
        }
        return url;
    }

    /** Whether each context gets its own target: the URL contains {@code {ctx}}. */
    public boolean routesPerContext() {
        String url = settings.url() != null ? settings.url() : defaultUrl;
        return url != null && url.contains("{ctx}");
    }

    /** The target database of a context (pooled; created on first use). */
    public TargetDatabase forContext(dev.mirror.api.ContextId contextId) {
        String url = url(contextId);
        return pools.computeIfAbsent(url, this::open).database();
    }

    /**
     * Opens one connection to a context's target directly through the driver, not from the pool, and closes it. A
     * target that refuses the login or lacks the database fails at once with the driver's own message, instead of
     * after the pool's connection timeout behind "Connection is not available"; a target that is down fails as fast as
     * the driver notices. Used by the runner before it takes the run lock.
     */
    public void probe(dev.mirror.api.ContextId contextId) {
        String url = url(contextId);
        DriverDataSource direct;
        try {
            direct = new DriverDataSource(url, null, new Properties(), settings.user(), settings.password());
        } catch (RuntimeException e) {
            throw MirrorException.configuration("TARGET_URL_INVALID", "cannot use the target URL " + redactor.redact(url) + ": "
                    + redactor.describe(e));
        }
        try (Connection c = direct.getConnection()) {
            dialect.prepareConnection(c);
        } catch (SQLException e) {
            throw forContext(contextId).translate(e, "connecting to the target");
        }
    }

    private PooledTarget open(String url) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (settings.user() != null) {
            cfg.setUsername(settings.user());
        }
        if (settings.password() != null) {
            cfg.setPassword(settings.password());
        }
        cfg.setMaximumPoolSize(settings.poolSize());
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(Math.max(1, settings.connectTimeoutSeconds()) * 1000L);
        cfg.setAutoCommit(true);
        cfg.setPoolName("mirror-target");
        cfg.setInitializationFailTimeout(-1); // connect lazily: a down target is reported by the step that needs it
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw MirrorException.configuration("TARGET_URL_INVALID", "cannot use the target URL " + redactor.redact(url) + ": "
                    + redactor.describe(e));
        }
        return new PooledTarget(pool, new TargetDatabase(dialect, new PreparingDataSource(pool, dialect), redactor, retry));
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.pool().close());
        pools.clear();
    }

    /** Lets the dialect prepare each connection handed out (session settings). */
    private record PreparingDataSource(HikariDataSource delegate, TargetDialect dialect) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c = delegate.getConnection();
            try {
                dialect.prepareConnection(c);
            } catch (SQLException e) {
                // a connection that cannot even be prepared is broken (e.g. its server restarted) even when the driver's
                // SQLState does not tell the pool so: evict it, or the pool would hand it out again and again
                delegate.evictConnection(c);
                throw e;
            }
            return c;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("use the configured credentials");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
