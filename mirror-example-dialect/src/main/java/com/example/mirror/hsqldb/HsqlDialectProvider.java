package com.example.mirror.hsqldb;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;

/**
 * The {@code hsqldb} target: HyperSQL 2.7, in process ({@code jdbc:hsqldb:file:...}, {@code jdbc:hsqldb:mem:...}) or
 * as a server ({@code jdbc:hsqldb:hsql://...}). Discovered through
 * {@code META-INF/services/dev.mirror.api.dialect.TargetDialectProvider}; constructed by ServiceLoader, so it does
 * nothing until {@link #create}.
 *
 * <p>Key (optional): {@code batchSize}, rows per JDBC batch of bulk loads and stage inserts (1000).
 */
public final class HsqlDialectProvider implements TargetDialectProvider {
    @Override
    public String name() {
        return "hsqldb";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:hsqldb:", 0, "jdbc:hsqldb:".length());
    }

    /** Called once at startup on the main thread; a bad key is reported through the config, never thrown. */
    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        int batchSize = config.integer("batchSize", HsqlDialect.DEFAULT_BATCH_ROWS);
        if (batchSize < 1) {
            config.problem("batchSize", "must be a positive number of rows, got " + batchSize);
            batchSize = HsqlDialect.DEFAULT_BATCH_ROWS;
        }
        return new HsqlDialect(batchSize);
    }
}
