package dev.mirror.mariadb;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code mariadb} target dialect for {@code jdbc:mariadb:} and {@code jdbc:mysql:} URLs (the MariaDB driver
 * accepts both; the SQL this dialect writes needs a MariaDB server, see {@link MariaDbDialect}).
 *
 * <p>Configuration keys (all optional): {@code chunkKiB} (LOAD DATA file encoded before it is sent, default 256,
 * 4..65536), {@code collation} (default collation of the mirror's tables, default {@code utf8mb4_uca1400_as_ci};
 * {@code utf8mb4_bin} for a case-sensitive source, see docs/type-mapping-mariadb.md), {@code binaryEncoding}
 * ({@code raw}, the default: escaped bytes in a {@code CHARACTER SET binary} load, or {@code hex}: decoded by
 * {@code UNHEX}; how binary values travel in the LOAD DATA file).
 */
public final class MariaDbDialectProvider implements TargetDialectProvider {
    /** The name users write as {@code target.dialect}. */
    public static final String NAME = "mariadb";

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
        if (jdbcUrl == null) {
            return false;
        }
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:");
    }

    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        int chunkKiB = config.integer("chunkKiB", MariaDbDialect.DEFAULT_CHUNK_BYTES / 1024);
        if (chunkKiB < 4 || chunkKiB > 65536) {
            config.problem("chunkKiB", "must be between 4 and 65536 (KiB), got " + chunkKiB);
            chunkKiB = MariaDbDialect.DEFAULT_CHUNK_BYTES / 1024;
        }
        String collation = config.string("collation", MariaDbDialect.DEFAULT_COLLATION).trim();
        if (!collation.matches("utf8mb4_[A-Za-z0-9_]+")) {
            config.problem("collation", "must be a utf8mb4 collation name such as " + MariaDbDialect.DEFAULT_COLLATION
                    + " or utf8mb4_bin, got '" + collation + "'");
            collation = MariaDbDialect.DEFAULT_COLLATION;
        }
        String encoding = config.string("binaryEncoding", "raw").trim();
        if (!encoding.equals("hex") && !encoding.equals("raw")) {
            config.problem("binaryEncoding", "must be hex or raw, got '" + encoding + "'");
            encoding = "raw";
        }
        return new MariaDbDialect(chunkKiB * 1024, collation, encoding.equals("raw"),
                LoggerFactory.getLogger(MariaDbDialect.class)::warn);
    }
}
