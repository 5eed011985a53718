package dev.mirror.postgresql;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.target.TargetDialect;
import dev.mirror.api.target.TargetDialectProvider;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code postgresql} target dialect for {@code jdbc:postgresql:} URLs.
 *
 * <p>Configuration keys (all optional): {@code copyChunkKiB} (COPY data buffered before it is sent, default
 * 256, 4..65536), {@code applicationName} (default {@code mirror}; empty to leave it alone), {@code applyWorkMem} (work_mem of each
 * incremental apply transaction, default {@code 256MB}; empty for the server's setting).
 */
public final class PostgresDialectProvider implements TargetDialectProvider {
    /** The name users write as {@code target.dialect}. */
    public static final String NAME = "postgresql";

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
        String workMem = config.string("applyWorkMem", "256MB").trim();
        if (!workMem.isEmpty() && !workMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            config.problem("applyWorkMem", "must be a PostgreSQL memory size such as 64MB or 1GB (or empty for the server's setting), got '"
                    + workMem + "'");
            workMem = "256MB";
        }
        return new PostgresDialect(chunkKiB * 1024, applicationName, LoggerFactory.getLogger(PostgresDialect.class)::warn)
                .withApplyWorkMem(workMem.isEmpty() ? null : workMem);
    }
}
