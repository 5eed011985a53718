package dev.mirror.api;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;
import java.time.Clock;
import java.util.Optional;

/** The plain {@link PluginContext} of {@link PluginContext#of}. */
record BasicPluginContext(PluginConfig config, Optional<ContextId> contextId, Clock clock) implements PluginContext {
    BasicPluginContext {
        requireNonNull(config, "config is null");
        requireNonNull(contextId, "contextId is null (use Optional.empty())");
        requireNonNull(clock, "clock is null");
    }
}
