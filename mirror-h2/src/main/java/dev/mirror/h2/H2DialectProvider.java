package dev.mirror.h2;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import java.util.Optional;

/**
 * The {@code h2} target: an embedded database in a file, needing no server; the default target.
 *
 * <p>Keys (all optional): {@code batchSize} rows per JDBC batch (2000), {@code stageSize} changes staged per
 * MERGE (20000), {@code lockTimeoutMillis} (10000).
 */
public final class H2DialectProvider implements TargetDialectProvider {
    /**
     * The default database: {@code ./mirror-data/mirror.mv.db}, relative to the working directory. Plain file
     * mode: no AUTO_SERVER, H2's default file lock, closed when the last connection closes. So while mirror
     * runs it owns the file, and afterwards H2's shell or console opens it with the same URL and user.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./mirror-data/mirror";

    @Override
    public String name() {
        return "h2";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    @Override
    public Optional<String> defaultJdbcUrl() {
        return Optional.of(DEFAULT_URL);
    }

    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        int batchSize = positive(config, "batchSize", H2Limits.DEFAULTS.batchRows());
        int stageSize = positive(config, "stageSize", H2Limits.DEFAULTS.stageRows());
        int lockTimeout = config.integer("lockTimeoutMillis", 10_000);
        if (lockTimeout < 0) {
            config.problem("lockTimeoutMillis", "must be 0 or more milliseconds, got " + lockTimeout);
            lockTimeout = 10_000;
        }
        return new H2Dialect(new H2Limits(batchSize, H2Limits.DEFAULTS.batchBytes(), stageSize,
                H2Limits.DEFAULTS.stageBytes()), lockTimeout);
    }

    private static int positive(PluginConfig config, String key, int defaultValue) {
        int v = config.integer(key, defaultValue);
        if (v < 1) {
            config.problem(key, "must be a positive number of rows, got " + v);
            return defaultValue;
        }
        return v;
    }
}
