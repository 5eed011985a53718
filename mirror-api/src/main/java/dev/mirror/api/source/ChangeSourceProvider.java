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
     * Creates the source. Called once at startup on the main thread. Configuration problems are recorded
     * through {@link PluginConfig}, not thrown; connecting may wait for the first cycle.
     */
    ChangeSource create(PluginConfig config, SourceContext context);
}
