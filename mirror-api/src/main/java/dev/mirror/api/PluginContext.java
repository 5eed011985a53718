package dev.mirror.api;

import dev.mirror.api.config.PluginConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * What core hands to every provider's {@code create} (dialects, pull and push sources, hooks): the same shape for every
 * plugin kind. Core builds one per plugin, on the main thread, before {@code create}; a plugin may keep it.
 */
public interface PluginContext {
    /**
     * The plugin's configuration subtree ({@code target}, {@code source}, {@code hooks[i]}). Problems found while
     * reading it are recorded there, not thrown. Never null.
     */
    PluginConfig config();

    /**
     * The configured context identifier (top-level {@code context}), when there is one. Pull sources need it (core
     * refuses a pull configuration without one before {@code create} results are used); push sources learn the context
     * per call and usually see empty here; dialects and hooks may use it for naming or messages. Never null.
     */
    Optional<ContextId> contextId();

    /** The clock to read time from (tests substitute a fixed one). Never null. */
    Clock clock();

    /** Masks a secret so it can be shown: {@code "****"}. Plugins never log or report a secret unmasked. */
    default String mask(String secret) {
        return secret == null ? "null" : "****";
    }

    /** A plain context: for core and for tests that create providers directly. */
    static PluginContext of(PluginConfig config, Optional<ContextId> contextId, Clock clock) {
        return new BasicPluginContext(config, contextId, clock);
    }

    /** A context with the system clock. */
    static PluginContext of(PluginConfig config, Optional<ContextId> contextId) {
        return of(config, contextId, Clock.systemUTC());
    }
}
