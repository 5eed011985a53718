package dev.mirror.sqlserver.dialect;

import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;

/**
 * The {@code sqlserver} target dialect. Configuration keys of its own: {@code bulkBatchSize} (default
 * 10000) and {@code bulkTimeoutSeconds} (default 3600); see {@link BulkSettings} for why.
 */
public final class SqlServerDialectProvider implements TargetDialectProvider {
    public static final String NAME = "sqlserver";

    @Override
    public String name() {
        return NAME;
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return dev.mirror.api.SpiVersion.VERSION;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:sqlserver:", 0, "jdbc:sqlserver:".length());
    }

    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        return new SqlServerDialect(BulkSettings.from(config));
    }
}
