package dev.mirror.api.hook;

import dev.mirror.api.config.PluginConfig;

/**
 * Entry point of a lifecycle-hook plugin, listed in
 * {@code META-INF/services/dev.mirror.api.hook.LifecycleHookProvider} and enabled by {@link #name()} in
 * the configuration ({@code hooks: [{name: indexes, ...}]}). Hooks not named in the configuration are
 * discovered but not enabled.
 */
public interface LifecycleHookProvider {
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

    /**
     * Creates the hook from {@link dev.mirror.api.PluginContext#config()} (its {@code hooks[i]} subtree). Called once at
     * startup on the main thread. Problems are recorded through {@link PluginConfig}, not thrown. Never returns null.
     */
    LifecycleHook create(dev.mirror.api.PluginContext context);
}
