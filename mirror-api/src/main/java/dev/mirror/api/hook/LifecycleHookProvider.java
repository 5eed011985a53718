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

    /** Creates the hook from its configuration subtree. Problems are recorded through {@link PluginConfig}. */
    LifecycleHook create(PluginConfig config);
}
