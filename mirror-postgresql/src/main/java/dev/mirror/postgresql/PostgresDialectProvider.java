package dev.mirror.postgresql;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code postgresql} target dialect for {@code jdbc:postgresql:} URLs.
 *
 * <p>Configuration keys (all optional): {@code copyChunkKiB} (COPY data buffered before it is sent, default
 * 256, 4..65536), {@code applicationName} (default {@code mirror}; empty to leave it alone), {@code applyWorkMem} (work_mem of each
 * incremental apply transaction, default {@code 256MB}; empty for the server's setting), {@code applyMethod}
 * ({@code merge}: one MERGE per batch on PostgreSQL 15+, or {@code upsert}: DELETE + INSERT … ON CONFLICT),
 * {@code fillFactor} (of the tables the mirror creates, 10..100, default 100), {@code tempBuffers} (the session's
 * temp_buffers for the apply's staging table; default empty: the server's), {@code copyFormat} ({@code binary}, the
 * default, or {@code text}: the COPY format of full population and of the apply's stage).
 */
public final class PostgresDialectProvider implements TargetDialectProvider {
    /** The name users write as {@code target.dialect}. */
    public static final String NAME = "postgresql";
    private static final String DEFAULT_APPLY_METHOD = "upsert";
    private static final int DEFAULT_FILL_FACTOR = 100;

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

    /** A PostgreSQL memory size setting; null when empty (the server's setting). */
    private static String memory(PluginConfig config, String key, String defaultValue) {
        String v = config.string(key, defaultValue).trim();
        if (!v.isEmpty() && !v.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            config.problem(key, "must be a PostgreSQL memory size such as 64MB or 1GB (or empty for the server's setting), got '"
                    + v + "'");
            v = defaultValue;
        }
        return v.isEmpty() ? null : v;
    }

    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        int chunkKiB = config.integer("copyChunkKiB", PostgresDialect.DEFAULT_COPY_CHUNK_CHARS / 1024);
        if (chunkKiB < 4 || chunkKiB > 65536) {
            config.problem("copyChunkKiB", "must be between 4 and 65536 (KiB), got " + chunkKiB);
            chunkKiB = PostgresDialect.DEFAULT_COPY_CHUNK_CHARS / 1024;
        }
        String applicationName = config.string("applicationName", "mirror");
        String workMem = memory(config, "applyWorkMem", "256MB");
        String method = config.string("applyMethod", DEFAULT_APPLY_METHOD).trim();
        if (!method.equals("merge") && !method.equals("upsert")) {
            config.problem("applyMethod", "must be merge or upsert, got '" + method + "'");
            method = DEFAULT_APPLY_METHOD;
        }
        int fillFactor = config.integer("fillFactor", DEFAULT_FILL_FACTOR);
        if (fillFactor < 10 || fillFactor > 100) {
            config.problem("fillFactor", "must be between 10 and 100 (percent), got " + fillFactor);
            fillFactor = DEFAULT_FILL_FACTOR;
        }
        String format = config.string("copyFormat", CopyFormat.BINARY.setting());
        CopyFormat copyFormat = CopyFormat.parse(format).orElse(null);
        if (copyFormat == null) {
            config.problem("copyFormat", "must be text or binary (the COPY format of population and staging), got '"
                    + format.trim() + "'");
            copyFormat = CopyFormat.BINARY;
        }
        return new PostgresDialect(chunkKiB * 1024, applicationName, LoggerFactory.getLogger(PostgresDialect.class)::warn)
                .withApplyWorkMem(workMem).withApplyMerge(method.equals("merge"))
                .withFillFactor(fillFactor).withTempBuffers(memory(config, "tempBuffers", ""))
                .withCopyFormat(copyFormat);
    }
}
