package dev.mirror.postgresql;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.target.TargetDialect;
import dev.mirror.api.target.TargetDialectProvider;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code postgresql} target dialect for {@code jdbc:postgresql:} URLs.
 *
 * <p>Configuration keys (all optional): {@code copyChunkKiB} (COPY data buffered before it is sent, default
 * 256, 4..65536), {@code applicationName} (default {@code mirror}; empty to leave it alone).
 */
public final class PostgresDialectProvider implements TargetDialectProvider {
    /** The name users write as {@code target.dialect}. */
    public static final String NAME = "postgresql";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length());
    }

    @Override
    public TargetDialect create(PluginConfig config) {
        int chunkKiB = config.integer("copyChunkKiB", PostgresDialect.DEFAULT_COPY_CHUNK_CHARS / 1024);
        if (chunkKiB < 4 || chunkKiB > 65536) {
            config.problem("copyChunkKiB", "must be between 4 and 65536 (KiB), got " + chunkKiB);
            chunkKiB = PostgresDialect.DEFAULT_COPY_CHUNK_CHARS / 1024;
        }
        String applicationName = config.string("applicationName", "mirror");
        return new PostgresDialect(chunkKiB * 1024, applicationName, LoggerFactory.getLogger(PostgresDialect.class)::warn);
    }
}
