package dev.mirror.core.internal.hooks;

import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TargetSession;

/** The context and target handed to hooks. */
public record CoreHookContext(dev.mirror.api.ContextId contextId, TargetSession target) implements HookContext {
}
