package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TargetSession;

/**
 * The {@link HookContext} of hook tests.
 *
 * @param contextId the context identifier
 * @param target    the session the hook gets
 */
public record KitHookContext(dev.mirror.api.ContextId contextId, TargetSession target) implements HookContext {
    public KitHookContext {
        requireNonNull(contextId, "contextId is null");
        requireNonNull(target, "target is null");
    }

    /** A context for {@code contextId} (validated: letters, digits and {@code _}). */
    public KitHookContext(String contextId, TargetSession target) {
        this(dev.mirror.api.ContextId.of(contextId), target);
    }
}
