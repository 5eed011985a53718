package dev.mirror.api.source;

import dev.mirror.api.PluginContext;

/**
 * Entry point of a pull source plugin, listed in
 * {@code META-INF/services/dev.mirror.api.source.PullSourceProvider} and chosen by {@link #name()} in the configuration
 * ({@code source.type}). Source names are unique across pull and push sources: two sources of either kind with one name
 * are a startup error.
 */
public interface PullSourceProvider {
    /** The unique name users write in the configuration, lower case ({@code sample}, {@code sqlserver}). */
    String name();

    /**
     * The SPI version this plugin was built against. Override it with {@code return SpiVersion.VERSION;} (a compile-time
     * constant, so it records the version you compiled against); see {@link dev.mirror.api.SpiVersion}. A provider that
     * does not override it is taken to be built for {@link dev.mirror.api.SpiVersion#UNSTATED} and refused. Called
     * once, at discovery, on the loading thread.
     */
    default String spiVersion() {
        return dev.mirror.api.SpiVersion.UNSTATED;
    }

    /**
     * Creates the source from {@link PluginContext#config()} (the {@code source} subtree). Called once at startup on the
     * main thread. Configuration problems are recorded through the config, not thrown; connecting may wait for the
     * first cycle. Never returns null.
     */
    PullSource create(PluginContext context);
}
