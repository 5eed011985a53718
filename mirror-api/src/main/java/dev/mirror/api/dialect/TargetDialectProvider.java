package dev.mirror.api.dialect;

import dev.mirror.api.config.PluginConfig;
import java.util.Optional;

/**
 * Entry point of a target-dialect plugin, listed in
 * {@code META-INF/services/dev.mirror.api.dialect.TargetDialectProvider} and chosen by {@link #name()} in
 * the configuration ({@code target.dialect}). Core reads the connection keys ({@code url}, {@code user},
 * {@code password}) itself; {@link #create} reads the dialect's own keys (batch sizes, timeouts).
 */
public interface TargetDialectProvider {
    /** The unique name users write in the configuration, lower case. */
    String name();

    /**
     * The SPI version this plugin was built against. Override it with {@code return SpiVersion.VERSION;} (a compile-time
     * constant, so it records the version you compiled against); see {@link dev.mirror.api.SpiVersion}. Called once, at
     * discovery, on the loading thread.
     */
    default String spiVersion() {
        return dev.mirror.api.SpiVersion.UNSTATED;
    }

    /** Whether this dialect serves a JDBC URL (used when the configuration names only a URL). */
    boolean accepts(String jdbcUrl);

    /** A JDBC URL to use when the configuration gives none (the embedded default), or empty. */
    default Optional<String> defaultJdbcUrl() {
        return Optional.empty();
    }

    /**
     * Creates the dialect from {@link dev.mirror.api.PluginContext#config()} (the {@code target} subtree). Called once
     * at startup on the main thread. Problems with the configuration are recorded through {@link PluginConfig}, not
     * thrown. Never returns null.
     */
    TargetDialect create(dev.mirror.api.PluginContext context);
}
