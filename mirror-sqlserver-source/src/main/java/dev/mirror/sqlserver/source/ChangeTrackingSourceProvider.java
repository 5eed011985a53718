package dev.mirror.sqlserver.source;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.PluginContext;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;

/**
 * The {@code sqlserver} change source: SQL Server Change Tracking. Keys: {@code url} (required),
 * {@code user}, {@code password} (secret), {@code schema} (default dbo), {@code batchSize} (default 10000),
 * {@code enableChangeTracking} (default false), {@code retentionDays} (default 7).
 */
public final class ChangeTrackingSourceProvider implements PullSourceProvider {
    public static final String NAME = "sqlserver";

    @Override
    public String name() {
        return NAME;
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public PullSource create(PluginContext context) {
        return new ChangeTrackingSource(ChangeTrackingConfig.from(context.config()));
    }
}
