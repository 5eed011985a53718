package dev.mirror.api.source;

import dev.mirror.api.config.PluginConfig;

/**
 * Entry point of a change-source plugin, listed in
 * {@code META-INF/services/dev.mirror.api.source.ChangeSourceProvider} and chosen by {@link #name()} in
 * the configuration ({@code source.type}).
 */
public interface ChangeSourceProvider {
    /** The unique name users write in the configuration, lower case ({@code sample}, {@code sqlserver}). */
    String name();

    /**
     * The SPI version this plugin was built against. Override it with {@code return SpiVersion.VERSION;} (a compile-time
     * constant, so it records the version you compiled against); see {@link dev.mirror.api.SpiVersion}. Called once, at
     * discovery, on the loading thread.
     */
    default String spiVersion() {
        return dev.mirror.api.SpiVersion.UNSTATED;
    }

    /**
     * Creates the source. Called once at startup on the main thread. Configuration problems are recorded
     * through {@link PluginConfig}, not thrown; connecting may wait for the first cycle.
     */
    ChangeSource create(PluginConfig config, SourceContext context);
}
